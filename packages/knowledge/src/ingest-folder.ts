import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CrewError,
  type CollectionKind,
  type Embedder,
  type Language,
  type TenantId,
  type VectorStore,
} from '@mcp-crew/core';
import { listSourceFiles } from './list-files.js';
import { loadSource } from './loaders/load-source.js';
import { readManifest } from './manifest.js';
import { countOutcome, upsertSource, type SourceTally } from './upsert-source.js';

export interface IngestProgress {
  done: number;
  total: number;
  /** Source just handled. */
  source: string;
}

export interface IngestFolderOptions {
  tenantId: TenantId;
  /** Defaults to the folder manifest's collection; if both are given they must agree. */
  collection?: CollectionKind;
  folder: string;
  store: VectorStore;
  embedder: Embedder;
  /** Language when the folder has no manifest. */
  language?: Language;
  /**
   * Also delete the collection's file sources that are not in this folder (`crew ingest --prune`). Default
   * false: an ingestion replaces only the sources it was given, never another folder's or the demo's.
   */
  prune?: boolean;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestResult extends SourceTally {
  collection: CollectionKind;
}

/**
 * Loads a folder (Markdown, YAML, CSV, JSONL) into a tenant's collection, idempotently: each file is one
 * source (`<collection>/<path in the folder>`) with a content hash; an unchanged hash writes nothing, a
 * changed one replaces that source's points (see `upsertSource`). Other sources are kept unless `prune`.
 */
export async function ingestFolder(options: IngestFolderOptions): Promise<IngestResult> {
  const { tenantId, folder, store, embedder } = options;
  const manifest = readManifest(folder);
  const collection = options.collection ?? manifest?.collection;
  if (!collection) {
    throw new CrewError(
      'knowledge.collection_required',
      `${folder} has no manifest.yaml; name the collection`,
      { domain: 'knowledge', category: 'user' },
    );
  }
  if (manifest && options.collection && manifest.collection !== options.collection) {
    throw new CrewError(
      'knowledge.collection_mismatch',
      `${folder} feeds "${manifest.collection}", not "${options.collection}"`,
      { domain: 'knowledge', category: 'user' },
    );
  }
  const language = manifest?.language ?? options.language ?? 'es';
  const files = listSourceFiles(folder, manifest?.include ?? ['**/*']);

  await store.ensureCollection(collection, embedder.dimension);
  const existing = await store.listSources(tenantId, collection);
  const result: IngestResult = { collection, added: 0, replaced: 0, unchanged: 0, deleted: 0, points: 0 };
  const target = { tenantId, collection, store, embedder };
  const seen = new Set<string>();
  const total = files.length;
  let done = 0;

  for (const file of files) {
    const source = `${collection}/${file}`;
    seen.add(source);
    const content = await readFile(join(folder, file), 'utf8');
    countOutcome(
      result,
      await upsertSource(target, existing.get(source), {
        source,
        language: fileLanguage(file) ?? language,
        content,
        chunks: () => loadSource(file, content),
      }),
    );
    done++;
    options.onProgress?.({ done, total, source });
  }

  if (options.prune === true) {
    for (const source of existing.keys()) {
      // Only folder sources: points synced from Odoo (`odoo:...`) share the collection and are not the folder's.
      if (seen.has(source) || !source.startsWith(`${collection}/`)) continue;
      await store.deleteBySource(tenantId, collection, source);
      result.deleted++;
    }
  }
  return result;
}

/**
 * The language a file's name gives (`horarios.pt.md`, `faq.en.yaml`): translations of a collection's texts sit
 * beside the originals, and a search in the customer's language finds them. Undefined: the manifest's language.
 */
export function fileLanguage(file: string): Language | undefined {
  const tag = /\.(es|pt|en)\.[a-z]+$/i.exec(file)?.[1]?.toLowerCase();
  return tag as Language | undefined;
}
