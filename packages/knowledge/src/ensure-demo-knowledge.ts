import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  COLLECTION_KINDS,
  type CollectionKind,
  type Embedder,
  type TenantId,
  type VectorStore,
} from '@mcp-crew/core';
import { ingestFolder, type IngestResult } from './ingest-folder.js';

export interface EnsureDemoKnowledgeOptions {
  tenantId: TenantId;
  /** The repository's `collections/` folder: one sub-folder per collection kind. */
  collectionsDir: string;
  store: VectorStore;
  embedder: Embedder;
  /** Ingest the seed into every collection, even ones that already hold knowledge (`crew ingest --seed-demo`). */
  force?: boolean;
}

export interface DemoSeedResult {
  ingested: IngestResult[];
  /** Collections left alone because the tenant already has knowledge there. */
  kept: CollectionKind[];
}

/**
 * Seeds the demo tenant from `collections/`: only collections where the tenant has no source at all, unless
 * `force`. What a user ingested, forgot or changed is never overwritten by a restart; the seed itself never
 * prunes (its sources are replaced one by one, others stay).
 */
export async function ensureDemoKnowledge(options: EnsureDemoKnowledgeOptions): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { ingested: [], kept: [] };
  for (const kind of COLLECTION_KINDS) {
    const folder = join(options.collectionsDir, kind);
    if (!existsSync(folder)) continue;
    const empty =
      (await options.store.collectionDimension(kind)) === undefined ||
      (await options.store.listSources(options.tenantId, kind)).size === 0;
    if (!empty && options.force !== true) {
      result.kept.push(kind);
      continue;
    }
    result.ingested.push(
      await ingestFolder({
        tenantId: options.tenantId,
        collection: kind,
        folder,
        store: options.store,
        embedder: options.embedder,
      }),
    );
  }
  return result;
}
