import { randomUUID } from 'node:crypto';
import { cacheFor, tenantId, type CacheKindStats, type CacheStore, type TenantId } from '@mcp-crew/core';

/** A fresh, empty store for one test, and how to delete its data and close it afterwards. */
export interface CacheStoreHarness {
  store: CacheStore;
  destroy(): Promise<void>;
}

/** A promise to settle by hand, to hold a loader open while a test arranges concurrent calls. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Polls `check` until it holds, for at most `timeoutMs` (no fixed sleeps, no timing assertions). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A loader that counts its calls and returns `value` (or what `make` builds from the call number). */
function counting<T>(make: (call: number) => T): { load: () => Promise<T>; calls: () => number } {
  let calls = 0;
  return { load: async () => make(++calls), calls: () => calls };
}

function statsOf(stats: CacheKindStats[], kind: string): Partial<CacheKindStats> | undefined {
  return stats.find((s) => s.kind === kind);
}

/**
 * The behaviour every `CacheStore` adapter must show when used through `cacheFor`: tenant isolation, TTL
 * expiry, single-flight, invalidation by record and by kind, and the counters. `factory` must give an empty
 * store each time (a Redis adapter uses a fresh key prefix per call).
 */
export function describeCacheStoreContract(name: string, factory: () => Promise<CacheStoreHarness>): void {
  describe(`CacheStore contract: ${name}`, () => {
    let harness: CacheStoreHarness;
    let tenantA: TenantId;
    let tenantB: TenantId;

    beforeEach(async () => {
      harness = await factory();
      const run = randomUUID().slice(0, 8);
      tenantA = tenantId(`tienda-a-${run}`);
      tenantB = tenantId(`tienda-b-${run}`);
    });

    afterEach(async () => {
      await harness.destroy();
    });

    it('loads on a miss, then answers from the store and counts both', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const loader = counting(() => ({
        id: 7,
        name: 'Vinilo Blanco Mate',
        list_price: 85000,
        tags: ['interior'],
      }));

      const first = await cache.getOrLoad('odoo_product', ['product.product', 7], loader.load);
      const second = await cache.getOrLoad('odoo_product', ['product.product', 7], loader.load);

      expect(loader.calls()).toBe(1);
      expect(second).toEqual(first);
      expect(first).toEqual({ id: 7, name: 'Vinilo Blanco Mate', list_price: 85000, tags: ['interior'] });
      expect(statsOf(cache.stats(), 'odoo_product')).toMatchObject({
        hits: 1,
        misses: 1,
        loads: 1,
        loadErrors: 0,
      });
    });

    it('names an entry by its key parts, whatever the order of object keys', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const loader = counting((n) => n);
      await cache.getOrLoad('odoo_product_search', [{ text: 'vinilo', limit: 5 }], loader.load);
      expect(await cache.getOrLoad('odoo_product_search', [{ limit: 5, text: 'vinilo' }], loader.load)).toBe(
        1,
      );
      expect(await cache.getOrLoad('odoo_product_search', [{ limit: 6, text: 'vinilo' }], loader.load)).toBe(
        2,
      );
      expect(await cache.getOrLoad('odoo_product', [{ limit: 5, text: 'vinilo' }], loader.load)).toBe(3);
    });

    it('caches null but not undefined', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const none = counting(() => null);
      await cache.getOrLoad('odoo_partner', ['phone', '+573001234567'], none.load);
      expect(await cache.getOrLoad('odoo_partner', ['phone', '+573001234567'], none.load)).toBeNull();
      expect(none.calls()).toBe(1);

      const nothing = counting(() => undefined);
      await cache.getOrLoad('odoo_partner', ['phone', '+573009999999'], nothing.load);
      await cache.getOrLoad('odoo_partner', ['phone', '+573009999999'], nothing.load);
      expect(nothing.calls()).toBe(2);
    });

    it('keeps tenants apart: reads, invalidations and counters never cross', async () => {
      const a = cacheFor(harness.store, tenantA);
      const b = cacheFor(harness.store, tenantB);
      const tags = [{ model: 'product.product', id: 7 }];
      const loadA = counting(() => 'precio de A');
      const loadB = counting(() => 'precio de B');

      expect(await a.getOrLoad('odoo_product', [7], loadA.load, { tags })).toBe('precio de A');
      expect(await b.getOrLoad('odoo_product', [7], loadB.load, { tags })).toBe('precio de B');

      await a.invalidate({ model: 'product.product', ids: [7] });
      await a.invalidateKind('odoo_product');
      await a.invalidateAll();
      expect(await b.getOrLoad('odoo_product', [7], loadB.load, { tags })).toBe('precio de B');
      expect(loadB.calls()).toBe(1);

      // And the other way round: B's invalidation leaves A's fresh entry alone.
      await a.getOrLoad('odoo_product', [7], loadA.load, { tags });
      await b.invalidate({ model: 'product.product', ids: [7] });
      await b.invalidateAll();
      expect(await a.getOrLoad('odoo_product', [7], loadA.load, { tags })).toBe('precio de A');
      expect(loadA.calls()).toBe(2);

      expect(a.stats().every((s) => s.tenant === tenantA)).toBe(true);
      expect(statsOf(b.stats(), 'odoo_product')).toMatchObject({
        tenant: tenantB,
        hits: 1,
        misses: 1,
        loads: 1,
      });
    });

    it('expires an entry after its TTL', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const loader = counting((n) => n);
      await cache.getOrLoad('retrieval', ['pintura para fachada'], loader.load, { ttlMs: 150 });
      await eventually(
        async () =>
          (await cache.getOrLoad('retrieval', ['pintura para fachada'], loader.load, { ttlMs: 150 })) === 2,
      );
      expect(loader.calls()).toBe(2);
    });

    it('applies per-kind TTL overrides', async () => {
      const cache = cacheFor(harness.store, tenantA, { ttlsMs: { odoo_stock: 150 } });
      const loader = counting((n) => ({ free_qty: 10 - n }));
      await cache.getOrLoad('odoo_stock', [7], loader.load);
      await eventually(async () => (await cache.getOrLoad('odoo_stock', [7], loader.load)).free_qty === 8);
    });

    it('runs one loader for many concurrent identical misses (single-flight)', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const gate = deferred<string[]>();
      let calls = 0;
      const loader = () => {
        calls++;
        return gate.promise;
      };
      // Separate cacheFor views of the same store still share the flight.
      const pending = Array.from({ length: 10 }, () =>
        cacheFor(harness.store, tenantA).getOrLoad('embedding', ['local-v1', 'esmalte sintético'], loader),
      );
      const other = cache.getOrLoad('embedding', ['local-v1', 'vinilo'], async () => ['otra']);
      gate.resolve(['0.1', '0.2']);

      const results = await Promise.all(pending);
      expect(await other).toEqual(['otra']);
      expect(calls).toBe(1);
      expect(results.every((r) => JSON.stringify(r) === '["0.1","0.2"]')).toBe(true);
      expect(statsOf(cache.stats(), 'embedding')).toMatchObject({ misses: 11, loads: 2 });
    });

    it('passes a loader error to every waiting caller and does not cache it', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const gate = deferred<number>();
      const pending = Array.from({ length: 5 }, () => cache.getOrLoad('odoo_stock', [9], () => gate.promise));
      gate.reject(new Error('Odoo timeout'));
      const settled = await Promise.allSettled(pending);
      expect(
        settled.every((s) => s.status === 'rejected' && (s.reason as Error).message === 'Odoo timeout'),
      ).toBe(true);

      expect(await cache.getOrLoad('odoo_stock', [9], async () => 42)).toBe(42);
      expect(statsOf(cache.stats(), 'odoo_stock')).toMatchObject({ loads: 2, loadErrors: 1 });
    });

    it('invalidates the entries tagged with the given records only', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const p = (id: number) => ({ model: 'product.product', id });
      const loader = counting((n) => n);
      const read = (parts: unknown[], tags: Array<{ model: string; id: number }>) =>
        cache.getOrLoad('odoo_product', parts, loader.load, { tags });

      await read(['p1'], [p(1)]);
      await read(['p2'], [p(2)]);
      await read(['p1+p2'], [p(1), p(2)]);
      await read(['partner1'], [{ model: 'res.partner', id: 1 }]);
      expect(loader.calls()).toBe(4);

      expect(await cache.invalidate({ model: 'product.product', ids: [1, 99] })).toBe(2);

      expect(await read(['p2'], [p(2)])).toBe(2);
      expect(await read(['partner1'], [{ model: 'res.partner', id: 1 }])).toBe(4);
      expect(await read(['p1'], [p(1)])).toBe(5);
      expect(await read(['p1+p2'], [p(1), p(2)])).toBe(6);
    });

    it('tags an entry with records known only after loading (a search)', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const search = counting((n) => [
        { id: 11, name: `Esmalte ${n}` },
        { id: 12, name: 'Anticorrosivo' },
      ]);
      const tags = (rows: Array<{ id: number }>) => rows.map((r) => ({ model: 'product.product', id: r.id }));

      await cache.getOrLoad('odoo_product_search', ['esmalte'], search.load, { tags });
      await cache.invalidate({ model: 'product.product', ids: [13] });
      await cache.getOrLoad('odoo_product_search', ['esmalte'], search.load, { tags });
      expect(search.calls()).toBe(1);

      await cache.invalidate({ model: 'product.product', ids: [12] });
      const fresh = await cache.getOrLoad('odoo_product_search', ['esmalte'], search.load, { tags });
      expect(fresh[0]?.name).toBe('Esmalte 2');
    });

    it('invalidates one kind without touching the others', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const loader = counting((n) => n);
      await cache.getOrLoad('fields_get', ['product.product'], loader.load);
      await cache.getOrLoad('fields_get', ['res.partner'], loader.load);
      await cache.getOrLoad('odoo_product', ['product.product', 1], loader.load);

      expect(await cache.invalidateKind('fields_get')).toBe(2);
      expect(await cache.getOrLoad('odoo_product', ['product.product', 1], loader.load)).toBe(3);
      expect(await cache.getOrLoad('fields_get', ['res.partner'], loader.load)).toBe(4);

      expect(await cache.invalidateAll()).toBe(2);
      expect(await cache.getOrLoad('odoo_product', ['product.product', 1], loader.load)).toBe(5);
    });

    it('does not store a value whose load overlapped an invalidation', async () => {
      const cache = cacheFor(harness.store, tenantA);
      const tags = [{ model: 'product.product', id: 5 }];
      const gate = deferred<string>();
      const stale = cache.getOrLoad('odoo_product', [5], () => gate.promise, { tags });
      await cache.invalidate({ model: 'product.product', ids: [5] }); // Odoo: "price of 5 changed"
      gate.resolve('precio viejo');
      expect(await stale).toBe('precio viejo'); // this caller already asked before the change

      expect(await cache.getOrLoad('odoo_product', [5], async () => 'precio nuevo', { tags })).toBe(
        'precio nuevo',
      );
    });

    it('offers the raw store operations the tenant view relies on', async () => {
      const { store } = harness;
      const key = `mcp-crew:{${tenantA}}:cache:odoo_product:raw`;
      const tag = `mcp-crew:{${tenantA}}:tag:product.product:1`;
      expect(await store.get(key)).toBeUndefined();
      await store.set(key, '"v1"', 60_000, [tag]);
      expect(await store.get(key)).toBe('"v1"');
      expect(await store.delete([key])).toBe(1);
      expect(await store.get(key)).toBeUndefined();

      await store.set(key, '"v2"', 60_000, [tag]);
      expect(await store.invalidateTags([tag])).toBe(1);
      expect(await store.get(key)).toBeUndefined();
      expect(await store.invalidateTags([tag])).toBe(0);
      expect(await store.delete([])).toBe(0);
    });
  });
}
