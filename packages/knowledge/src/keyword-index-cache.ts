import type { CollectionKind, TenantId, VectorStore } from '@mcp-crew/core';
import { KeywordIndex } from './keyword-index.js';

/**
 * Keyword indexes per store, tenant and collection, rebuilt when the store's revision moves (so an
 * ingestion by another process is seen on the next search).
 */
export class KeywordIndexCache {
  readonly #entries = new Map<string, { revision: string; index: KeywordIndex }>();

  async get(store: VectorStore, tenantId: TenantId, kind: CollectionKind): Promise<KeywordIndex> {
    const key = `${store.id}\u0000${tenantId}\u0000${kind}`;
    const revision = await store.revision(tenantId, kind);
    const cached = this.#entries.get(key);
    if (cached && cached.revision === revision) return cached.index;
    const index = new KeywordIndex(await store.listPoints(tenantId, kind));
    this.#entries.set(key, { revision, index });
    return index;
  }
}

/** The process-wide cache used when a caller passes none. */
export const defaultKeywordIndexCache = new KeywordIndexCache();
