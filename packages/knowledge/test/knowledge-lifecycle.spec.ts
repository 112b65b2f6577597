import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import {
  assertEmbedderFits,
  ensureDemoKnowledge,
  runForgetCommand,
  runIngestCommand,
  runReindexCommand,
  runSearchCommand,
  runSeedDemoCommand,
} from '../src/index.js';

const COLLECTIONS = join(import.meta.dirname, '../../../collections');
const SEED_RULES = readdirSync(join(COLLECTIONS, 'business_rules')).filter(
  (f) => f !== 'manifest.yaml',
).length;
const demo = tenantId('demo');
const local = new LocalEmbedder();

/** A user's own business rules folder, with a document the demo seed does not have. */
function userFolder(root: string): string {
  const folder = join(root, 'mis-reglas');
  mkdirSync(folder);
  writeFileSync(
    join(folder, 'parqueadero.md'),
    '# Parqueadero\n\nLos clientes parquean gratis dos horas en el sótano del local.\n',
  );
  return folder;
}

describe('knowledge is never lost', () => {
  let root: string;
  let dataDir: string;
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'crew-lifecycle-'));
    dataDir = join(root, 'data');
    lines.length = 0;
    const store = EmbeddedVectorStore.inDataDir(dataDir);
    await ensureDemoKnowledge({ tenantId: demo, collectionsDir: COLLECTIONS, store, embedder: local });
    await store.close();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  async function sources(collection: 'business_rules' | 'products'): Promise<string[]> {
    const store = EmbeddedVectorStore.inDataDir(dataDir);
    try {
      return [...(await store.listSources(demo, collection)).keys()].sort();
    } finally {
      await store.close();
    }
  }

  it("an ingestion adds its sources and keeps the demo's; a restart's seed leaves both", async () => {
    const demoRules = await sources('business_rules');
    const result = await runIngestCommand({
      tenant: 'demo',
      collection: 'business_rules',
      folder: userFolder(root),
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: local,
      print,
      progressBar: false,
    });
    expect(result).toMatchObject({ added: 1, deleted: 0 });
    expect(await sources('business_rules')).toEqual([...demoRules, 'business_rules/parqueadero.md'].sort());

    const store = EmbeddedVectorStore.inDataDir(dataDir);
    const seed = await ensureDemoKnowledge({
      tenantId: demo,
      collectionsDir: COLLECTIONS,
      store,
      embedder: local,
    });
    await store.close();
    expect(seed.ingested).toEqual([]);
    expect(await sources('business_rules')).toContain('business_rules/parqueadero.md');
  });

  it('deletes only on request: --prune and crew forget; an unknown name deletes nothing', async () => {
    const folder = userFolder(root);
    await runIngestCommand({
      tenant: 'demo',
      collection: 'business_rules',
      folder,
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: local,
      print,
      progressBar: false,
    });
    await expect(
      runForgetCommand({
        tenant: 'demo',
        collection: 'business_rules',
        sources: ['business_rules/horarios.md', 'business_rules/nope.md'],
        openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
        print,
      }),
    ).rejects.toMatchObject({
      code: 'knowledge.unknown_source',
      details: { unknown: ['business_rules/nope.md'] },
    });
    expect(await sources('business_rules')).toContain('business_rules/horarios.md');

    expect(
      await runForgetCommand({
        tenant: 'demo',
        collection: 'business_rules',
        sources: ['business_rules/horarios.md'],
        openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
        print,
      }),
    ).toEqual(['business_rules/horarios.md']);
    expect(lines).toContain('forgot demo/business_rules/horarios.md');
    expect(await sources('business_rules')).not.toContain('business_rules/horarios.md');

    const pruned = await runIngestCommand({
      tenant: 'demo',
      collection: 'business_rules',
      folder,
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: local,
      print,
      progressBar: false,
      prune: true,
    });
    // Every seed file but the one forgotten above (the originals and their translations).
    expect(pruned.deleted).toBe(SEED_RULES - 1);
    expect(await sources('business_rules')).toEqual(['business_rules/parqueadero.md']);

    // On request, the seed comes back beside what the user has.
    await runSeedDemoCommand({
      tenant: 'demo',
      collectionsDir: COLLECTIONS,
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: local,
      print,
    });
    expect(await sources('business_rules')).toHaveLength(SEED_RULES + 1);
  });

  it('search never writes', async () => {
    const empty = join(root, 'empty');
    const results = await runSearchCommand({
      tenant: 'demo',
      collection: 'business_rules',
      query: 'horario',
      openStore: () => EmbeddedVectorStore.inDataDir(empty),
      embedder: local,
      print,
    });
    expect(results).toEqual([]);
    expect(lines.at(-1)).toContain('--seed-demo');
    const store = EmbeddedVectorStore.inDataDir(empty);
    expect(await store.collectionDimension('business_rules')).toBeUndefined();
    expect(await store.listTenants('business_rules')).toEqual([]);
    await store.close();
  });

  it('a switched embedder is refused naming crew reindex, and reindex re-embeds everything', async () => {
    await runIngestCommand({
      tenant: 'demo',
      collection: 'business_rules',
      folder: userFolder(root),
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: local,
      print,
      progressBar: false,
    });
    const wider = new LocalEmbedder({ dimension: 768 });
    const store = EmbeddedVectorStore.inDataDir(dataDir);
    await expect(assertEmbedderFits(store, wider)).rejects.toMatchObject({
      code: 'knowledge.reindex_required',
      message: expect.stringContaining('crew -- reindex'),
    });
    await store.close();
    await expect(
      runSearchCommand({
        tenant: 'demo',
        collection: 'business_rules',
        query: 'parqueadero',
        openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
        embedder: wider,
        print,
      }),
    ).rejects.toMatchObject({ code: 'knowledge.reindex_required' });
    const before = await sources('products');

    const results = await runReindexCommand({
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: wider,
      print,
      progressBar: false,
    });
    expect(results.map((r) => [r.collection, r.from, r.to])).toEqual([
      ['products', 512, 768],
      ['support_procedures', 512, 768],
      ['business_rules', 512, 768],
      ['interaction_history', 512, 768],
    ]);
    expect(lines.at(-1)).toMatch(
      /^interaction_history: \d+ points of 1 tenant re-embedded, 512 -> 768 dimensions/,
    );
    expect(await sources('products')).toEqual(before);
    const [user] = await runSearchCommand({
      tenant: 'demo',
      collection: 'business_rules',
      query: 'dónde parqueo el carro?',
      topK: 1,
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: wider,
      print,
    });
    expect(user?.source).toBe('business_rules/parqueadero.md');
    const [product] = await runSearchCommand({
      tenant: 'demo',
      collection: 'products',
      query: 'esmalte blanco galón',
      topK: 1,
      openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
      embedder: wider,
      print,
    });
    expect(product?.defaultCode).toBe('ESM-BLA-GL');
  });

  it('reindex writes nothing when the embedder fails midway', async () => {
    const failing = {
      id: 'failing',
      dimension: 768,
      embed: async () => Promise.reject(new Error('embedder down')),
    };
    await expect(
      runReindexCommand({
        openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
        embedder: failing,
        print,
        progressBar: false,
      }),
    ).rejects.toThrow('embedder down');
    const store = EmbeddedVectorStore.inDataDir(dataDir);
    expect(await store.collectionDimension('products')).toBe(512);
    expect((await store.listSources(demo, 'products')).size).toBe(49);
    await store.close();
  });
});
