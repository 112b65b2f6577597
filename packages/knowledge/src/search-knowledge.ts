import type {
  CollectionKind,
  Embedder,
  Language,
  PointFilter,
  ScoredPoint,
  TenantId,
  VectorStore,
} from '@mcp-crew/core';
import { defaultKeywordIndexCache, type KeywordIndexCache } from './keyword-index-cache.js';

/** `dense`: embeddings only; `keyword`: BM25 only; `hybrid`: both, fused by reciprocal rank. */
export type SearchMode = 'dense' | 'keyword' | 'hybrid';

export interface SearchKnowledgeOptions {
  tenantId: TenantId;
  collection: CollectionKind;
  query: string;
  topK?: number;
  filter?: PointFilter;
  store: VectorStore;
  embedder: Embedder;
  mode?: SearchMode;
  keywordIndexes?: KeywordIndexCache;
}

/** What an agent (and `crew search`) sees for one hit. */
export interface KnowledgeHit {
  text: string;
  /** dense: cosine; keyword: BM25; hybrid: fused rank score scaled to 0..1 (1 = first in both lists). */
  score: number;
  /** File (and section) it came from: `products/vinilo-t1-blanco-galon.md#uso`. */
  source: string;
  title?: string;
  /** The language the text is written in (a translation's own, else its collection's). */
  language?: Language;
  odooProductId?: number;
  defaultCode?: string;
  /** A synced Odoo product's list price (reference only: quotes use Odoo's live price). */
  listPrice?: number;
}

// Reciprocal rank fusion constant from Cormack et al. (2009); 60 is the customary value.
const RRF_K = 60;

/** Searches one collection of the caller's tenant. */
export async function searchKnowledge(options: SearchKnowledgeOptions): Promise<KnowledgeHit[]> {
  const topK = options.topK ?? 5;
  const mode = options.mode ?? 'hybrid';
  const depth = Math.max(topK * 4, 20);
  const dense = mode === 'keyword' ? [] : await denseSearch(options, mode === 'dense' ? topK : depth);
  const keyword = mode === 'dense' ? [] : await keywordSearch(options, mode === 'keyword' ? topK : depth);
  if (mode === 'dense') return dense.map(toHit);
  if (mode === 'keyword') return keyword.map(toHit);
  return fuse([dense, keyword]).slice(0, topK).map(toHit);
}

async function denseSearch(o: SearchKnowledgeOptions, topK: number): Promise<ScoredPoint[]> {
  const [vector] = await o.embedder.embed([o.query]);
  return o.store.query(o.tenantId, o.collection, vector!, {
    topK,
    ...(o.filter ? { filter: o.filter } : {}),
  });
}

async function keywordSearch(o: SearchKnowledgeOptions, topK: number): Promise<ScoredPoint[]> {
  const index = await (o.keywordIndexes ?? defaultKeywordIndexCache).get(o.store, o.tenantId, o.collection);
  return index.search(o.query, topK, o.filter);
}

function fuse(lists: ScoredPoint[][]): ScoredPoint[] {
  const fused = new Map<string, ScoredPoint>();
  for (const list of lists) {
    list.forEach((hit, rank) => {
      const entry = fused.get(hit.point.id) ?? { point: hit.point, score: 0 };
      entry.score += 1 / (RRF_K + rank + 1);
      fused.set(hit.point.id, entry);
    });
  }
  const best = lists.length / (RRF_K + 1);
  return [...fused.values()]
    .map((h) => ({ point: h.point, score: h.score / best }))
    .sort((a, b) => b.score - a.score);
}

function toHit({ point, score }: ScoredPoint): KnowledgeHit {
  const anchor = point.metadata['anchor'];
  const hit: KnowledgeHit = {
    text: point.text,
    score,
    source: anchor ? `${point.source}#${String(anchor)}` : point.source,
  };
  if (point.title !== undefined) hit.title = point.title;
  if (point.language !== undefined) hit.language = point.language;
  if (point.odooProductId !== undefined) hit.odooProductId = point.odooProductId;
  if (point.defaultCode !== undefined) hit.defaultCode = point.defaultCode;
  if (typeof point.metadata['list_price'] === 'number') hit.listPrice = point.metadata['list_price'];
  return hit;
}
