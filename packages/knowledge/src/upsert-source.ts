import { createHash } from 'node:crypto';
import type {
  CollectionKind,
  EmbeddedPoint,
  Embedder,
  Language,
  TenantId,
  VectorStore,
} from '@mcp-crew/core';
import type { Chunk } from './loaders/chunk.js';

/** Where a source's points go. */
export interface SourceTarget {
  tenantId: TenantId;
  collection: CollectionKind;
  store: VectorStore;
  embedder: Embedder;
}

/** One source (a file, an Odoo record) about to be written. */
export interface SourceInput {
  /** `business_rules/horarios.md`, `odoo:product.product/42`. */
  source: string;
  language: Language;
  /** Everything the points are built from: its hash decides whether anything is written. */
  content: string;
  /** Builds the chunks; called only when the hash changed. */
  chunks: () => Promise<Chunk[]> | Chunk[];
}

export type SourceOutcome = 'added' | 'replaced' | 'unchanged';

/** The counters ingestion and sync report. */
export interface SourceTally {
  added: number;
  replaced: number;
  unchanged: number;
  deleted: number;
  /** Points written (embedded and upserted). */
  points: number;
}

/** The hash stored on every point of a source. The embedder and language are in it: changing either must re-embed. */
export function sourceHash(embedderId: string, language: Language, content: string): string {
  return createHash('sha256')
    .update(`${embedderId}\u0000${language}\u0000${content}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Writes one source idempotently: an unchanged hash writes nothing; a changed one embeds the chunks and
 * replaces the source's points (old points go first, so a source that now has fewer chunks leaves none behind).
 * `previousHash` is the hash the store holds for the source (`listSources`), undefined when it has none.
 */
export async function upsertSource(
  target: SourceTarget,
  previousHash: string | undefined,
  input: SourceInput,
): Promise<{ outcome: SourceOutcome; points: number }> {
  const { tenantId, collection, store, embedder } = target;
  const hash = sourceHash(embedder.id, input.language, input.content);
  if (previousHash === hash) return { outcome: 'unchanged', points: 0 };
  const chunks = await input.chunks();
  const vectors = chunks.length ? await embedder.embed(chunks.map(embeddingText)) : [];
  const points: EmbeddedPoint[] = chunks.map((chunk, i) => {
    const metadata = { ...chunk.metadata, ...(chunk.anchor ? { anchor: chunk.anchor } : {}) };
    const p: EmbeddedPoint = {
      id: `${input.source}#${i}`,
      tenantId,
      collection,
      text: chunk.text,
      source: input.source,
      sourceHash: hash,
      language: input.language,
      metadata,
      vector: vectors[i]!,
    };
    if (chunk.title !== undefined) p.title = chunk.title;
    if (chunk.defaultCode !== undefined) p.defaultCode = chunk.defaultCode;
    if (chunk.odooProductId !== undefined) p.odooProductId = chunk.odooProductId;
    return p;
  });
  if (previousHash !== undefined) await store.deleteBySource(tenantId, collection, input.source);
  await store.upsert(tenantId, collection, points);
  return { outcome: previousHash === undefined ? 'added' : 'replaced', points: points.length };
}

/** Adds one `upsertSource` outcome to the counters. */
export function countOutcome(tally: SourceTally, written: { outcome: SourceOutcome; points: number }): void {
  tally[written.outcome]++;
  tally.points += written.points;
}

/** The text a chunk (or a stored point, on reindex) is embedded from. */
// The title goes in front when the text does not already carry it, so a section embeds with its document's name.
export function embeddingText(c: Pick<Chunk, 'title' | 'text'>): string {
  return c.title && !c.text.includes(c.title) ? `${c.title}\n${c.text}` : c.text;
}
