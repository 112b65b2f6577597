import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { OdooClient } from '@mcp-crew/odoo-client';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { ingestFolder } from '../ingest-folder.js';
import { searchKnowledge } from '../search-knowledge.js';
import { FileSyncCursorStore, MemorySyncCursorStore } from './sync-cursor-store.js';
import { syncProducts, syncProductsFromOdoo } from './sync-products.js';

// Medium test: the Odoo sandbox over real HTTP on an ephemeral loopback port, the embedded vector store on disk.
const demo = tenantId('demo');
const embedder = new LocalEmbedder();
const SELLABLE_SEEDED = 49;
const ESMALTE_BLANCO_GALON = 16;

describe('syncProductsFromOdoo against the Odoo sandbox', () => {
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let clock: Date;
  let dir: string;
  let store: EmbeddedVectorStore;

  beforeAll(async () => {
    // A server clock the test moves, so each change gets a write_date of its own.
    clock = new Date('2026-03-01T10:00:00Z');
    sandbox = await startOdooSandbox({ port: 0, now: () => clock });
    odoo = new OdooClient({
      url: sandbox.url,
      db: sandbox.db,
      user: sandbox.login,
      apiKey: sandbox.apiKey,
      protocol: 'jsonrpc',
      tenant: 'demo',
    });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crew-sync-'));
    store = EmbeddedVectorStore.inDataDir(dir);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

  it('syncs every sellable product, then nothing, then only what changed, and removes archived ones', async () => {
    const cursors = new MemorySyncCursorStore();
    const progress: number[] = [];
    // A small page makes the keyset paging walk many products that share one write_date.
    const first = await syncProductsFromOdoo({
      tenantId: demo,
      client: odoo,
      store,
      embedder,
      cursors,
      pageSize: 10,
      onProgress: (p) => progress.push(p.done),
    });
    expect(first).toMatchObject({
      full: true,
      added: SELLABLE_SEEDED,
      synced: SELLABLE_SEEDED,
      replaced: 0,
      deleted: 0,
      points: SELLABLE_SEEDED,
      cursor: '2026-01-05 12:00:00',
    });
    expect(progress).toHaveLength(SELLABLE_SEEDED);
    expect(await cursors.get(demo, 'product.product')).toBe('2026-01-05 12:00:00');
    const [hit] = await searchKnowledge({
      tenantId: demo,
      collection: 'products',
      query: 'esmalte blanco galón',
      store,
      embedder,
    });
    expect(hit).toMatchObject({
      source: `odoo:product.product/${ESMALTE_BLANCO_GALON}`,
      odooProductId: ESMALTE_BLANCO_GALON,
      defaultCode: 'ESM-BLA-GL',
    });
    expect(hit!.text).toContain('Categoría: Todos / Pinturas');

    const revision = await store.revision(demo, 'products');
    const second = await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, cursors });
    expect(second).toMatchObject({
      full: false,
      added: 0,
      replaced: 0,
      deleted: 0,
      points: 0,
      synced: 0,
      unchanged: SELLABLE_SEEDED,
    });
    expect(await store.revision(demo, 'products')).toBe(revision);

    const before = await store.listSources(demo, 'products');
    tick(60);
    await odoo.write('product.product', [ESMALTE_BLANCO_GALON], {
      name: 'Esmalte Sintético Blanco Hueso Galón',
    });
    const renamed = await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, cursors });
    // The window starts at the old cursor, which the untouched seed products still sit on: read, not written.
    expect(renamed).toMatchObject({
      full: false,
      read: SELLABLE_SEEDED,
      replaced: 1,
      synced: 1,
      points: 1,
      unchanged: SELLABLE_SEEDED - 1,
      added: 0,
      cursor: '2026-03-01 11:00:00',
    });
    const after = await store.listSources(demo, 'products');
    const changed = [...after]
      .filter(([source, hash]) => before.get(source) !== hash)
      .map(([source]) => source);
    expect(changed).toEqual([`odoo:product.product/${ESMALTE_BLANCO_GALON}`]);
    const [point] = await searchKnowledge({
      tenantId: demo,
      collection: 'products',
      query: 'blanco hueso',
      store,
      embedder,
      filter: { odooProductId: ESMALTE_BLANCO_GALON },
    });
    expect(point?.title).toBe('Esmalte Sintético Blanco Hueso Galón');

    tick(60);
    await odoo.write('product.product', [1], { active: false });
    await odoo.write('product.product', [2], { sale_ok: false });
    const archived = await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, cursors });
    // The renamed product (at the cursor) and the two changed ones; nothing older.
    expect(archived).toMatchObject({
      read: 3,
      deleted: 2,
      synced: 0,
      points: 0,
      unchanged: 1,
      cursor: '2026-03-01 12:00:00',
    });
    const sources = await store.listSources(demo, 'products');
    expect(sources.has('odoo:product.product/1')).toBe(false);
    expect(sources.has('odoo:product.product/2')).toBe(false);
    expect(sources.size).toBe(SELLABLE_SEEDED - 2);

    // Restore the sandbox for the other tests (it is shared by this file).
    tick(60);
    await odoo.write('product.product', [1], { active: true });
    await odoo.write('product.product', [2], { sale_ok: true });
    const back = await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, cursors });
    expect(back).toMatchObject({ read: 2, added: 2, deleted: 0 });
  });

  it('re-syncs exactly the products Odoo reports, including deleted ones', async () => {
    await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder });
    tick(60);
    const id = await odoo.create('product.product', {
      name: 'Rodillo Antigota 9"',
      default_code: 'ROD-ANT-9',
      description_sale: 'Rodillo de microfibra que no salpica.',
    });
    await odoo.write('product.product', [3], { description_sale: 'Cuñete de obra, rinde 180 m².' });
    const reported = await syncProducts({ tenantId: demo, client: odoo, store, embedder, ids: [id, 3, 4] });
    expect(reported).toMatchObject({ read: 3, added: 1, replaced: 1, unchanged: 1, deleted: 0, points: 2 });
    expect(reported.cursor).toBeUndefined();
    const [hit] = await searchKnowledge({
      tenantId: demo,
      collection: 'products',
      query: 'rodillo que no salpica',
      store,
      embedder,
      filter: { defaultCode: 'ROD-ANT-9' },
    });
    expect(hit).toMatchObject({ odooProductId: id, source: `odoo:product.product/${id}` });
    expect(hit!.text).toContain('microfibra');

    await odoo.unlink('product.product', [id]);
    const gone = await syncProducts({ tenantId: demo, client: odoo, store, embedder, ids: [id] });
    expect(gone).toMatchObject({ deleted: 1, synced: 0 });
    expect((await store.listSources(demo, 'products')).has(`odoo:product.product/${id}`)).toBe(false);
  });

  it('keeps the cursor per tenant in a file and starts over when the store lost the points', async () => {
    const cursors = FileSyncCursorStore.inDataDir(dir);
    const other = tenantId('otra-tienda');
    await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, cursors });
    const file = JSON.parse(readFileSync(join(dir, 'odoo-sync-cursors.json'), 'utf8')) as Record<
      string,
      Record<string, string>
    >;
    expect(Object.keys(file)).toEqual(['demo']);
    expect(file['demo']!['product.product']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    // The other tenant has no cursor: a full sync of its own, invisible to the first tenant.
    const theirs = await syncProductsFromOdoo({ tenantId: other, client: odoo, store, embedder, cursors });
    expect(theirs).toMatchObject({ full: true, added: SELLABLE_SEEDED });
    expect(await cursors.get(other, 'product.product')).toBe(file['demo']!['product.product']);

    // Same cursor file, empty store (a new data dir or a wiped Qdrant): the cursor alone must not skip everything.
    const fresh = EmbeddedVectorStore.inDataDir(join(dir, 'fresh'));
    try {
      const resynced = await syncProductsFromOdoo({
        tenantId: demo,
        client: odoo,
        store: fresh,
        embedder,
        cursors,
      });
      expect(resynced).toMatchObject({ full: true, added: SELLABLE_SEEDED });
    } finally {
      await fresh.close();
    }
  });

  it('shares the products collection with folder ingestion without either pruning the other', async () => {
    const folder = join(dir, 'products');
    cpSync(join(import.meta.dirname, '../../../../collections/products'), folder, { recursive: true });
    const ingested = await ingestFolder({ tenantId: demo, folder, store, embedder });
    await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, full: true });
    const again = await ingestFolder({ tenantId: demo, folder, store, embedder });
    expect(again).toMatchObject({ deleted: 0, added: 0, unchanged: ingested.added });
    const full = await syncProductsFromOdoo({ tenantId: demo, client: odoo, store, embedder, full: true });
    expect(full).toMatchObject({ full: true, deleted: 0, synced: 0 });
    const sources = [...(await store.listSources(demo, 'products')).keys()];
    expect(sources.filter((s) => s.startsWith('products/'))).toHaveLength(ingested.added);
    expect(sources.filter((s) => s.startsWith('odoo:'))).toHaveLength(SELLABLE_SEEDED);
  });
});
