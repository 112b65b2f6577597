import {
  COLLECTION_KINDS,
  CrewError,
  type CollectionKind,
  type EmbeddedPoint,
  type Embedder,
  type KnowledgePoint,
  type VectorStore,
} from '@mcp-crew/core';
import type { IngestProgress } from './ingest-folder.js';
import { embeddingText } from './upsert-source.js';

/** One collection's dimension that the embedder does not make. */
export interface DimensionMismatch {
  collection: CollectionKind;
  stored: number;
  embedder: number;
}

/** The collections whose stored vectors another embedder made (by dimension). */
export async function embedderMismatches(
  store: VectorStore,
  embedder: Embedder,
): Promise<DimensionMismatch[]> {
  const out: DimensionMismatch[] = [];
  for (const collection of COLLECTION_KINDS) {
    const stored = await store.collectionDimension(collection);
    if (stored !== undefined && stored !== embedder.dimension)
      out.push({ collection, stored, embedder: embedder.dimension });
  }
  return out;
}

/**
 * Fails, naming `crew reindex`, when the store holds vectors of another dimension than the embedder makes
 * (say OPENAI_API_KEY was set on a `.data` the 512-dimension local embedder filled). Not reindexed
 * automatically: re-embedding may call a paid API for every point and takes a while, so the operator decides.
 */
export async function assertEmbedderFits(store: VectorStore, embedder: Embedder): Promise<void> {
  const mismatches = await embedderMismatches(store, embedder);
  if (mismatches.length === 0) return;
  const list = mismatches.map((m) => `${m.collection} (${m.stored})`).join(', ');
  throw new CrewError(
    'knowledge.reindex_required',
    `the knowledge store holds vectors of another embedder: ${list} dimensions, but ${embedder.id} makes ${embedder.dimension}. ` +
      'Run "npm run crew -- reindex" to re-embed every tenant\'s knowledge with the current embedder (nothing is lost), ' +
      'or go back to the previous embedder settings (OPENAI_API_KEY, EMBEDDINGS_PROVIDER, EMBEDDINGS_MODEL, EMBEDDINGS_DIMENSION).',
    { domain: 'knowledge', category: 'user', details: { mismatches, embedder: embedder.id } },
  );
}

export interface ReindexOptions {
  store: VectorStore;
  embedder: Embedder;
  /** Default: every collection that exists. */
  collections?: CollectionKind[];
  onProgress?: (progress: IngestProgress) => void;
  /** Texts per embedding call. */
  batchSize?: number;
}

export interface ReindexResult {
  collection: CollectionKind;
  tenants: number;
  points: number;
  from: number;
  to: number;
}

/**
 * `crew reindex`: re-embeds every stored point, of every tenant, from its stored text with the current
 * embedder, then swaps each collection at the embedder's dimension (`VectorStore.replaceCollection`).
 * Everything is embedded before anything is written, so a failing embedder leaves the store as it was.
 * Source hashes are kept: they were computed from file content this step does not have, so the next
 * ingestion of those files re-embeds them once more and reports them `replaced`.
 */
export async function reindexKnowledge(options: ReindexOptions): Promise<ReindexResult[]> {
  const { store, embedder } = options;
  const batch = options.batchSize ?? 64;
  const plan: { collection: CollectionKind; from: number; tenants: number; points: KnowledgePoint[] }[] = [];
  for (const collection of options.collections ?? COLLECTION_KINDS) {
    const from = await store.collectionDimension(collection);
    if (from === undefined) continue;
    const tenants = await store.listTenants(collection);
    const points: KnowledgePoint[] = [];
    for (const tenant of tenants) points.push(...(await store.listPoints(tenant, collection)));
    plan.push({ collection, from, tenants: tenants.length, points });
  }
  const total = plan.reduce((n, p) => n + p.points.length, 0);
  let done = 0;
  const results: ReindexResult[] = [];
  for (const step of plan) {
    const embedded: EmbeddedPoint[] = [];
    for (let i = 0; i < step.points.length; i += batch) {
      const slice = step.points.slice(i, i + batch);
      const vectors = await embedder.embed(slice.map(embeddingText));
      slice.forEach((point, j) => embedded.push({ ...point, vector: vectors[j]! }));
      done += slice.length;
      options.onProgress?.({ done, total, source: slice[slice.length - 1]!.source });
    }
    await store.replaceCollection(step.collection, embedder.dimension, embedded);
    results.push({
      collection: step.collection,
      tenants: step.tenants,
      points: embedded.length,
      from: step.from,
      to: embedder.dimension,
    });
  }
  return results;
}
