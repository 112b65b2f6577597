import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CrewError, type CollectionKind, type EmbeddedPoint, type Embedder, type Language, type TenantId, type VectorStore } from '@mcp-crew/core';
import { listSourceFiles } from './list-files.js';
import { loadSource } from './loaders/load-source.js';
import { readManifest } from './manifest.js';

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
  /** Delete the points of sources no longer in the folder (default true: the folder is the collection). */
  prune?: boolean;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestResult {
  collection: CollectionKind;
  added: number;
  replaced: number;
  unchanged: number;
  deleted: number;
  /** Points written (embedded and upserted). */
  points: number;
}

/**
 * Loads a folder (Markdown, YAML, CSV, JSONL) into a tenant's collection, idempotently: each file is one
 * source with a content hash; an unchanged hash writes nothing, a changed one replaces the source's points,
 * and files gone from the folder lose their points.
 */
export async function ingestFolder(options: IngestFolderOptions): Promise<IngestResult> {
  const { tenantId, folder, store, embedder } = options;
  const manifest = readManifest(folder);
  const collection = options.collection ?? manifest?.collection;
  if (!collection) {
    throw new CrewError('knowledge.collection_required', `${folder} has no manifest.yaml; name the collection`, { domain: 'knowledge', category: 'user' });
  }
  if (manifest && options.collection && manifest.collection !== options.collection) {
    throw new CrewError('knowledge.collection_mismatch', `${folder} feeds "${manifest.collection}", not "${options.collection}"`, { domain: 'knowledge', category: 'user' });
  }
  const language = manifest?.language ?? options.language ?? 'es';
  const files = listSourceFiles(folder, manifest?.include ?? ['**/*']);

  await store.ensureCollection(collection, embedder.dimension);
  const existing = await store.listSources(tenantId, collection);
  const result: IngestResult = { collection, added: 0, replaced: 0, unchanged: 0, deleted: 0, points: 0 };
  const seen = new Set<string>();
  const total = files.length;
  let done = 0;

  for (const file of files) {
    const source = `${collection}/${file}`;
    seen.add(source);
    const content = await readFile(join(folder, file), 'utf8');
    // The embedder and language are part of the hash: changing either must re-embed.
    const sourceHash = createHash('sha256').update(`${embedder.id}\u0000${language}\u0000${content}`).digest('hex').slice(0, 32);
    const previous = existing.get(source);
    if (previous === sourceHash) {
      result.unchanged++;
    } else {
      const chunks = await loadSource(file, content);
      const vectors = chunks.length ? await embedder.embed(chunks.map((c) => (c.title && !c.text.includes(c.title) ? `${c.title}\n${c.text}` : c.text))) : [];
      const points: EmbeddedPoint[] = chunks.map((chunk, i) => {
        const metadata = { ...chunk.metadata, ...(chunk.anchor ? { anchor: chunk.anchor } : {}) };
        const p: EmbeddedPoint = { id: `${source}#${i}`, tenantId, collection, text: chunk.text, source, sourceHash, language, metadata, vector: vectors[i]! };
        if (chunk.title !== undefined) p.title = chunk.title;
        if (chunk.defaultCode !== undefined) p.defaultCode = chunk.defaultCode;
        if (chunk.odooProductId !== undefined) p.odooProductId = chunk.odooProductId;
        return p;
      });
      if (previous !== undefined) await store.deleteBySource(tenantId, collection, source);
      await store.upsert(tenantId, collection, points);
      result.points += points.length;
      if (previous === undefined) result.added++;
      else result.replaced++;
    }
    options.onProgress?.({ done: ++done, total, source });
  }

  if (options.prune ?? true) {
    for (const source of existing.keys()) {
      if (seen.has(source)) continue;
      await store.deleteBySource(tenantId, collection, source);
      result.deleted++;
    }
  }
  return result;
}
