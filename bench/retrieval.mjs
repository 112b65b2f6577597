// Retrieval benchmark (run `node scripts/build.mjs` first; `npm run bench -- retrieval` does both):
// 1. recall@1 / recall@5 of dense (local embedder), keyword (BM25) and hybrid search over the demo tenant's
//    collections, for the realistic queries in bench/data/retrieval-eval.yaml (target recall@5 >= 0.9);
// 2. search latency p50/p99 in the embedded store with 1k and 10k synthetic products (target p99 <= 10 ms at 10k);
// 3. ingestion throughput (points embedded and written per second).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tenantId } from '@mcp-crew/core';
import { LocalEmbedder } from '@mcp-crew/embeddings';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { KeywordIndexCache, ensureDemoKnowledge, searchKnowledge } from '@mcp-crew/knowledge';

const root = new URL('..', import.meta.url).pathname;
const embedder = new LocalEmbedder();
const demo = tenantId('demo');
const dir = mkdtempSync(join(tmpdir(), 'crew-bench-retrieval-'));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

try {
  // --- 1. quality -------------------------------------------------------------------------------------
  const store = EmbeddedVectorStore.inDataDir(join(dir, 'eval'));
  await ensureDemoKnowledge({ tenantId: demo, collectionsDir: join(root, 'collections'), store, embedder });
  const { queries } = parse(readFileSync(join(root, 'bench/data/retrieval-eval.yaml'), 'utf8'));
  const keywordIndexes = new KeywordIndexCache();
  console.log(
    `retrieval quality: ${queries.length} queries over the demo collections (local embedder ${embedder.id})`,
  );
  console.log('mode       recall@1  recall@5');
  for (const mode of ['dense', 'keyword', 'hybrid']) {
    let at1 = 0;
    let at5 = 0;
    const misses = [];
    for (const q of queries) {
      const hits = await searchKnowledge({
        tenantId: demo,
        collection: q.collection,
        query: q.query,
        topK: 5,
        store,
        embedder,
        mode,
        keywordIndexes,
      });
      const sources = hits.map((h) => h.source.split('#')[0]);
      if (sources[0] === q.expect) at1++;
      if (sources.includes(q.expect)) at5++;
      else misses.push(q.query);
    }
    console.log(
      `${mode.padEnd(9)}  ${(at1 / queries.length).toFixed(3).padStart(8)}  ${(at5 / queries.length).toFixed(3).padStart(8)}${misses.length ? `   missed@5: ${misses.map((m) => JSON.stringify(m)).join(', ')}` : ''}`,
    );
  }
  await store.close();

  // --- 2 & 3. latency and throughput ----------------------------------------------------------------------
  const colours = [
    'blanco',
    'negro',
    'rojo',
    'azul',
    'gris',
    'verde',
    'amarillo',
    'marfil',
    'ocre',
    'terracota',
  ];
  const families = [
    'vinilo tipo 1',
    'vinilo tipo 2',
    'esmalte sintético',
    'anticorrosivo',
    'laca catalizada',
    'impermeabilizante',
    'sellador',
    'imprimante',
  ];
  const sizes = ['cuarto de galón', 'galón', 'cuñete 5 galones', 'botella 750 ml'];
  for (const n of [1000, 10000]) {
    const s = EmbeddedVectorStore.inDataDir(join(dir, `synthetic-${n}`));
    await s.ensureCollection('products', embedder.dimension);
    const started = performance.now();
    for (let i = 0; i < n; i += 500) {
      const batch = [];
      for (let j = i; j < Math.min(n, i + 500); j++) {
        const text = `${families[j % families.length]} ${colours[(j >> 3) % colours.length]} ${sizes[(j >> 6) % sizes.length]} línea ${j}`;
        batch.push({
          id: `p${j}`,
          tenantId: demo,
          collection: 'products',
          text,
          source: `synthetic/p${j}`,
          sourceHash: 'h',
          language: 'es',
          metadata: {},
          defaultCode: `SYN-${j}`,
        });
      }
      const vectors = await embedder.embed(batch.map((p) => p.text));
      await s.upsert(
        demo,
        'products',
        batch.map((p, k) => ({ ...p, vector: vectors[k] })),
      );
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    const queriesText = [
      'esmalte blanco galón',
      'vinilo gris cuñete',
      'anticorrosivo rojo',
      'laca negra cuarto',
      'sellador galon',
    ];
    const queryVectors = await embedder.embed(queriesText);
    await s.query(demo, 'products', queryVectors[0], { topK: 5 }); // loads the partition into memory
    const storeLat = [];
    const endToEnd = [];
    for (let r = 0; r < 300; r++) {
      const v = queryVectors[r % queryVectors.length];
      let t = performance.now();
      await s.query(demo, 'products', v, { topK: 5 });
      storeLat.push(performance.now() - t);
      t = performance.now();
      await searchKnowledge({
        tenantId: demo,
        collection: 'products',
        query: queriesText[r % queriesText.length],
        topK: 5,
        store: s,
        embedder,
        mode: 'hybrid',
      });
      endToEnd.push(performance.now() - t);
    }
    storeLat.sort((a, b) => a - b);
    endToEnd.sort((a, b) => a - b);
    console.log(
      `embedded store, ${n} products: ingest ${(n / ingestSeconds).toFixed(0)} points/s (embed + write); ` +
        `vector query p50 ${pct(storeLat, 50).toFixed(2)} ms p99 ${pct(storeLat, 99).toFixed(2)} ms; ` +
        `hybrid search incl. embedding p50 ${pct(endToEnd, 50).toFixed(2)} ms p99 ${pct(endToEnd, 99).toFixed(2)} ms`,
    );
    await s.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
