import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTION_KINDS, type Embedder, type TenantId, type VectorStore } from '@mcp-crew/core';
import { ingestFolder, type IngestResult } from './ingest-folder.js';

export interface EnsureDemoKnowledgeOptions {
  tenantId: TenantId;
  /** The repository's `collections/` folder: one sub-folder per collection kind. */
  collectionsDir: string;
  store: VectorStore;
  embedder: Embedder;
}

/**
 * Ingests each collection folder that exists under `collectionsDir` for the tenant. Cheap when nothing
 * changed (hashes only), so the main job calls it on every start; the first start loads everything.
 */
export async function ensureDemoKnowledge(options: EnsureDemoKnowledgeOptions): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  for (const kind of COLLECTION_KINDS) {
    const folder = join(options.collectionsDir, kind);
    if (!existsSync(folder)) continue;
    results.push(await ingestFolder({ tenantId: options.tenantId, collection: kind, folder, store: options.store, embedder: options.embedder }));
  }
  return results;
}
