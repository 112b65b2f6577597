import { resolve } from 'node:path';
import {
  CrewError,
  isCollectionKind,
  tenantId as toTenantId,
  type CollectionKind,
  type Embedder,
  type VectorStore,
} from '@mcp-crew/core';
import { ingestFolder, type IngestResult } from './ingest-folder.js';
import { progressBar } from './progress-bar.js';
import { assertEmbedderFits } from './reindex.js';
import { searchKnowledge, type KnowledgeHit, type SearchMode } from './search-knowledge.js';

/** Opens a vector store: the knowledge commands receive the port, never choose the adapter. */
export type OpenVectorStore = () => VectorStore;

export interface IngestCommandOptions {
  tenant: string;
  collection?: string;
  folder: string;
  /** Opens the vector store the composition root chose (the command closes it); the embedder likewise comes from there. */
  openStore: OpenVectorStore;
  embedder: Embedder;
  /** Where lines go (tests capture them). */
  print?: (line: string) => void;
  /** Show the progress bar (default: when stdout is a terminal). */
  progressBar?: boolean;
  /** Also delete the collection's file sources not in this folder (`--prune`). */
  prune?: boolean;
}

/** `crew ingest --tenant T --collection K <folder>`: adds or replaces the folder's sources in a tenant's collection. */
export async function runIngestCommand(options: IngestCommandOptions): Promise<IngestResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const tenantId = toTenantId(options.tenant);
  const collection = options.collection === undefined ? undefined : parseCollection(options.collection);
  const store = options.openStore();
  const { embedder } = options;
  const bar = progressBar(options.progressBar ?? process.stdout.isTTY, 'ingest');
  try {
    await assertEmbedderFits(store, embedder);
    const result = await ingestFolder({
      tenantId,
      folder: resolve(options.folder),
      store,
      embedder,
      ...(collection ? { collection } : {}),
      onProgress: bar.onProgress,
      prune: options.prune === true,
    });
    bar.stop();
    print(
      `${tenantId}/${result.collection}: ${result.added} added, ${result.replaced} replaced, ${result.unchanged} unchanged, ${result.deleted} deleted (${result.points} points written) [${store.id}, ${embedder.id}]`,
    );
    return result;
  } finally {
    bar.stop();
    await store.close();
  }
}

export interface SearchCommandOptions {
  tenant: string;
  collection: string;
  query: string;
  topK?: number;
  mode?: SearchMode;
  /** Opens the vector store the composition root chose (the command closes it); the embedder likewise comes from there. */
  openStore: OpenVectorStore;
  embedder: Embedder;
  print?: (line: string) => void;
}

/** `crew search --tenant T --collection K "query"`: prints what the agents would see, with scores and sources. Never writes. */
export async function runSearchCommand(options: SearchCommandOptions): Promise<KnowledgeHit[]> {
  const print = options.print ?? ((line: string) => console.log(line));
  const store = options.openStore();
  const { embedder } = options;
  try {
    await assertEmbedderFits(store, embedder);
    const hits = await searchKnowledge({
      tenantId: toTenantId(options.tenant),
      collection: parseCollection(options.collection),
      query: options.query,
      topK: options.topK ?? 5,
      store,
      embedder,
      mode: options.mode ?? 'hybrid',
    });
    if (hits.length === 0) {
      const seed =
        options.tenant === 'demo'
          ? '; the demo seed is loaded by the main job\'s first start or "crew ingest --tenant demo --seed-demo"'
          : '';
      print(`no results (has this collection been ingested for this tenant?${seed})`);
    }
    hits.forEach((h, i) => {
      const label = h.title ?? h.text.split('\n')[0] ?? '';
      const code = h.defaultCode ? `  [${h.defaultCode}]` : '';
      const price = h.listPrice !== undefined ? `  list price ${h.listPrice.toFixed(2)}` : '';
      print(`${i + 1}. ${h.score.toFixed(3)}  ${h.source}  ${label.slice(0, 80)}${code}${price}`);
    });
    return hits;
  } finally {
    await store.close();
  }
}

/** A collection kind from the command line, or a clear error. */
export function parseCollection(value: string): CollectionKind {
  if (!isCollectionKind(value)) {
    throw new CrewError(
      'knowledge.unknown_collection',
      `unknown collection "${value}": use products, support_procedures, business_rules or interaction_history`,
      {
        domain: 'knowledge',
        category: 'user',
      },
    );
  }
  return value;
}
