import { isCrewError } from '../errors/crew-error.js';
import { Secret } from '../tenant/secret.js';
import { tenantId, type TenantId } from '../tenant/tenant.js';
import type { CacheStore } from './cache-store.js';
import { TenantCache, cacheFor, cacheStats } from './tenant-cache.js';

/** A Map-backed store that records what it was asked (TTL is not modelled: the adapters' contract covers it). */
class RecordingStore implements CacheStore {
  readonly entries = new Map<string, { value: string; ttlMs: number; tags: readonly string[] }>();
  failing = false;

  async get(key: string) {
    this.#check();
    return this.entries.get(key)?.value;
  }
  async set(key: string, value: string, ttlMs: number, tags: readonly string[]) {
    this.#check();
    this.entries.set(key, { value, ttlMs, tags });
  }
  async delete(keys: readonly string[]) {
    this.#check();
    return keys.filter((k) => this.entries.delete(k)).length;
  }
  async invalidateTags(tags: readonly string[]) {
    this.#check();
    const keys = [...this.entries].filter(([, e]) => e.tags.some((t) => tags.includes(t))).map(([k]) => k);
    return this.delete(keys);
  }
  async close() {}
  #check() {
    if (this.failing) throw new Error('connection refused');
  }
}

const acme = tenantId('acme');

describe('TenantCache', () => {
  it('builds every key under the tenant, hashing the key parts', async () => {
    const store = new RecordingStore();
    await cacheFor(store, acme).getOrLoad('odoo_partner', ['email', 'cliente@example.com'], async () => 1, {
      tags: [{ model: 'res.partner', id: 42 }],
    });
    const [key, entry] = [...store.entries][0] ?? ['', undefined];
    expect(key).toMatch(/^mcp-crew:\{acme\}:cache:odoo_partner:[0-9a-f]{64}$/);
    expect(key).not.toContain('cliente');
    expect(entry?.tags).toEqual([
      'mcp-crew:{acme}:cache-kind:odoo_partner',
      'mcp-crew:{acme}:tag:res.partner:42',
    ]);
    expect(entry?.ttlMs).toBe(10 * 60_000);
  });

  it('refuses Secrets in key parts, so distinct credentials can never share an entry', async () => {
    const cache = cacheFor(new RecordingStore(), acme);
    await expect(cache.getOrLoad('retrieval', [new Secret('sk-123')], async () => 1)).rejects.toMatchObject({
      code: 'cache_key_invalid',
    });
  });

  it('only exists for a valid tenant, obtained through cacheFor', () => {
    const store = new RecordingStore();
    expect(() => cacheFor(store, 'acme:cache' as TenantId)).toThrow(/invalid tenant id/);
    expect(() => new TenantCache(Symbol('cacheFor'), acme, store)).toThrow(/cacheFor/);
  });

  it('rejects malformed tags, kinds and TTLs with stable codes', async () => {
    const cache = cacheFor(new RecordingStore(), acme);
    const load = async () => 1;
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (isCrewError(e) ? e.code : 'other'),
      );
    let loads = 0;
    const counted = async () => ++loads;
    expect(
      await code(cache.getOrLoad('odoo_product', [1], counted, { tags: [{ model: 'x:*', id: 1 }] })),
    ).toBe('cache_tag_invalid');
    expect(loads).toBe(0);
    expect(await code(cache.invalidate({ model: 'product.product', ids: [1.5] }))).toBe('cache_tag_invalid');
    expect(await code(cache.getOrLoad('nope' as 'odoo_product', [1], load))).toBe('cache_kind_unknown');
    expect(await code(cache.getOrLoad('odoo_product', [2], load, { ttlMs: 0 }))).toBe('cache_ttl_invalid');
    expect(() => cacheFor(new RecordingStore(), acme, { ttlsMs: { odoo_stock: -1 } })).toThrow(/TTL/);
  });

  it('serves from the loader when the store fails, and counts it', async () => {
    const store = new RecordingStore();
    store.failing = true;
    const cache = cacheFor(store, acme);
    let calls = 0;
    const load = async () => ++calls;
    expect(await cache.getOrLoad('odoo_stock', [1], load)).toBe(1);
    expect(await cache.getOrLoad('odoo_stock', [1], load)).toBe(2);
    expect(cache.stats()).toEqual([
      { tenant: acme, kind: 'odoo_stock', hits: 0, misses: 2, loads: 2, loadErrors: 0, storeErrors: 4 },
    ]);
    // An invalidation that did not happen must not look like one.
    await expect(cache.invalidate({ model: 'product.product', ids: [1] })).rejects.toThrow(
      'connection refused',
    );
  });

  it('reloads over an entry that is not valid JSON', async () => {
    const store = new RecordingStore();
    const cache = cacheFor(store, acme);
    await cache.getOrLoad('embedding', ['m', 'hola'], async () => [1]);
    const [key] = [...store.entries.keys()] as [string];
    store.entries.set(key, { value: '{broken', ttlMs: 1, tags: [] });
    expect(await cache.getOrLoad('embedding', ['m', 'hola'], async () => [2])).toEqual([2]);
  });

  it('reports the counters of every tenant of a store for metrics', async () => {
    const store = new RecordingStore();
    await cacheFor(store, acme).getOrLoad('odoo_product', [1], async () => 1);
    await cacheFor(store, tenantId('pinturas-demo')).getOrLoad('odoo_product', [1], async () => 1);
    await cacheFor(store, tenantId('pinturas-demo')).getOrLoad('odoo_product', [1], async () => 1);
    expect(cacheStats(store).map((s) => [s.tenant, s.hits, s.misses])).toEqual([
      ['acme', 0, 1],
      ['pinturas-demo', 1, 1],
    ]);
    expect(cacheStats(new RecordingStore())).toEqual([]);
  });
});
