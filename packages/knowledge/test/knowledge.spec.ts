import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import {
  buildKnowledgeMcpServer,
  ensureDemoKnowledge,
  fileLanguage,
  ingestFolder,
  runIngestCommand,
  runKnowledgeSearch,
  runSearchCommand,
  searchKnowledge,
} from '../src/index.js';
import { untypedToolParameters } from '@mcp-crew/testing';

const COLLECTIONS = join(import.meta.dirname, '../../../collections');
const demo = tenantId('demo');
const other = tenantId('otra-tienda');
const embedder = new LocalEmbedder();

describe('knowledge over the demo collections (embedded store)', () => {
  let dir: string;
  let store: EmbeddedVectorStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crew-knowledge-'));
    store = EmbeddedVectorStore.inDataDir(dir);
    await ensureDemoKnowledge({ tenantId: demo, collectionsDir: COLLECTIONS, store, embedder });
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads all four collections into an empty tenant, leaves them alone the second time, and re-applies on request', async () => {
    const kinds = ['products', 'support_procedures', 'business_rules', 'interaction_history'];
    const again = await ensureDemoKnowledge({ tenantId: demo, collectionsDir: COLLECTIONS, store, embedder });
    expect(again).toEqual({ ingested: [], kept: kinds });
    const forced = await ensureDemoKnowledge({
      tenantId: demo,
      collectionsDir: COLLECTIONS,
      store,
      embedder,
      force: true,
    });
    expect(forced.ingested.map((r) => r.collection)).toEqual(kinds);
    expect(
      forced.ingested.every((r) => r.added + r.replaced + r.deleted + r.points === 0 && r.unchanged > 0),
    ).toBe(true);
    expect((await store.listSources(demo, 'products')).size).toBe(49);
  });

  it('finds the product a customer means, with typos and accents, and its Odoo reference', async () => {
    const [top] = await searchKnowledge({
      tenantId: demo,
      collection: 'products',
      query: 'esmalte blanco galón',
      store,
      embedder,
    });
    expect(top).toMatchObject({
      defaultCode: 'ESM-BLA-GL',
      odooProductId: 16,
      source: 'products/esm-bla-gl.md',
    });
    const [typo] = await searchKnowledge({
      tenantId: demo,
      collection: 'products',
      query: 'anticorrosibo gris galon',
      store,
      embedder,
    });
    expect(typo?.defaultCode).toBe('ANT-GRI-GL');
  });

  it('answers business rules and procedures', async () => {
    const [pay] = await searchKnowledge({
      tenantId: demo,
      collection: 'business_rules',
      query: 'puedo pagar con nequi?',
      store,
      embedder,
    });
    expect(pay?.source).toBe('business_rules/medios-de-pago.md');
    const [peel] = await searchKnowledge({
      tenantId: demo,
      collection: 'support_procedures',
      query: 'la pintura se me esta pelando de la pared',
      store,
      embedder,
    });
    expect(peel?.source).toBe('support_procedures/pintura-descascarada.md');
  });

  it("searches the texts translated into the customer's language, and the collection's own when it has none", async () => {
    const ctx = { tenantId: demo, store, embedder };
    const [pt] = await runKnowledgeSearch(ctx, {
      collection: 'business_rules',
      query: 'quais são as formas de pagamento? aceitam cheque?',
      language: 'pt',
    });
    expect([pt?.source, pt?.language]).toEqual(['business_rules/medios-de-pago.pt.md', 'pt']);
    const en = await runKnowledgeSearch(ctx, {
      collection: 'support_procedures',
      query: 'black mold on my bathroom ceiling',
      language: 'en',
    });
    expect(en[0]?.source).toBe('support_procedures/hongos-moho.en.md');
    expect(en.every((hit) => hit.language === 'en')).toBe(true);
    // A Spanish question never gets a translation; the products exist only in Spanish.
    const es = await runKnowledgeSearch(ctx, {
      collection: 'support_procedures',
      query: 'moho',
      language: 'es',
    });
    expect(es.every((hit) => hit.language === 'es')).toBe(true);
    const products = await runKnowledgeSearch(ctx, {
      collection: 'products',
      query: 'white enamel',
      language: 'en',
    });
    expect(products.length).toBeGreaterThan(0);
    expect(products.every((hit) => hit.language === 'es')).toBe(true);
  });

  it('keeps other tenants out', async () => {
    expect(
      await searchKnowledge({
        tenantId: other,
        collection: 'products',
        query: 'esmalte blanco',
        store,
        embedder,
      }),
    ).toEqual([]);
  });

  it('serves search_knowledge over MCP scoped to the tenant it was built for', async () => {
    const client = await connectInProcess(buildKnowledgeMcpServer({ tenantId: demo, store, embedder }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => [t.name, t.annotations?.readOnlyHint])).toEqual([['search_knowledge', true]]);
      expect(untypedToolParameters(tools)).toEqual([]);
      const result = await client.callTool({
        name: 'search_knowledge',
        arguments: { collection: 'products', query: 'rodillo para pared', topK: 2 },
      });
      const structured = result.structuredContent as { results: { defaultCode?: string; source: string }[] };
      expect(structured.results).toHaveLength(2);
      expect(structured.results[0]!.defaultCode).toBe('ROD-FEL-9');
      expect((result.content as { text: string }[])[0]!.text).toContain('products/rod-fel-9.md');
      const otherClient = await connectInProcess(
        buildKnowledgeMcpServer({ tenantId: other, store, embedder }),
      );
      const empty = await otherClient.callTool({
        name: 'search_knowledge',
        arguments: { collection: 'products', query: 'rodillo' },
      });
      expect((empty.structuredContent as { results: unknown[] }).results).toEqual([]);
      await otherClient.close();
    } finally {
      await client.close();
    }
  });
});

describe('ingestFolder idempotency', () => {
  it('adds, skips unchanged, replaces changed, keeps removed sources, and deletes them only with prune', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crew-ingest-'));
    const folder = join(dir, 'rules');
    // The Spanish originals only: the translations beside them would only multiply the counts.
    cpSync(join(COLLECTIONS, 'business_rules'), folder, {
      recursive: true,
      filter: (source) => fileLanguage(source) === undefined,
    });
    const store = EmbeddedVectorStore.inDataDir(join(dir, 'data'));
    const progress: number[] = [];
    try {
      const first = await ingestFolder({
        tenantId: demo,
        folder,
        store,
        embedder,
        onProgress: (p) => progress.push(p.done),
      });
      expect(first).toMatchObject({
        collection: 'business_rules',
        added: 5,
        replaced: 0,
        unchanged: 0,
        deleted: 0,
      });
      expect(progress).toEqual([1, 2, 3, 4, 5]);
      const revision = await store.revision(demo, 'business_rules');

      const second = await ingestFolder({ tenantId: demo, folder, store, embedder });
      expect(second).toMatchObject({ added: 0, replaced: 0, unchanged: 5, deleted: 0, points: 0 });
      expect(await store.revision(demo, 'business_rules')).toBe(revision);

      writeFileSync(join(folder, 'horarios.md'), '# Horario\n\nAbrimos los domingos de 9 a 1.\n');
      unlinkSync(join(folder, 'descuentos.md'));
      const third = await ingestFolder({ tenantId: demo, folder, store, embedder });
      expect(third).toMatchObject({ added: 0, replaced: 1, unchanged: 3, deleted: 0, points: 1 });
      const [hit] = await searchKnowledge({
        tenantId: demo,
        collection: 'business_rules',
        query: 'abren los domingos?',
        store,
        embedder,
      });
      expect(hit?.text).toContain('domingos de 9 a 1');
      expect([...(await store.listSources(demo, 'business_rules')).keys()]).toContain(
        'business_rules/descuentos.md',
      );

      const pruned = await ingestFolder({ tenantId: demo, folder, store, embedder, prune: true });
      expect(pruned).toMatchObject({ added: 0, replaced: 0, unchanged: 4, deleted: 1 });
      expect([...(await store.listSources(demo, 'business_rules')).keys()]).not.toContain(
        'business_rules/descuentos.md',
      );
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a collection that contradicts the manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crew-ingest-'));
    const store = EmbeddedVectorStore.inDataDir(dir);
    try {
      await expect(
        ingestFolder({
          tenantId: demo,
          collection: 'products',
          folder: join(COLLECTIONS, 'business_rules'),
          store,
          embedder,
        }),
      ).rejects.toMatchObject({ code: 'knowledge.collection_mismatch' });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CLI commands', () => {
  it('ingest then search print counts and ranked results with sources', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crew-cli-'));
    const lines: string[] = [];
    const print = (l: string) => lines.push(l);
    try {
      await runIngestCommand({
        tenant: 'tienda-x',
        collection: 'products',
        folder: join(COLLECTIONS, 'products'),
        openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
        embedder,
        print,
        progressBar: false,
      });
      expect(lines[0]).toMatch(
        /^tienda-x\/products: 49 added, 0 replaced, 0 unchanged, 0 deleted \(\d+ points written\)/,
      );
      await runSearchCommand({
        tenant: 'tienda-x',
        collection: 'products',
        query: 'esmalte blanco galón',
        topK: 3,
        openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
        embedder,
        print,
      });
      expect(lines[1]).toMatch(
        /^1\. \d\.\d{3} {2}products\/esm-bla-gl\.md {2}Esmalte Sintético Blanco Galón {2}\[ESM-BLA-GL\]$/,
      );
      expect(lines).toHaveLength(4);
      await expect(
        runSearchCommand({
          tenant: 'tienda-x',
          collection: 'nope',
          query: 'x',
          openStore: () => EmbeddedVectorStore.inDataDir(dataDir),
          embedder,
          print,
        }),
      ).rejects.toMatchObject({ code: 'knowledge.unknown_collection' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
