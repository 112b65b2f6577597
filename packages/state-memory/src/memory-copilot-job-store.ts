import type { CopilotJobRecord, CopilotJobStore, TenantId } from '@mcp-crew/core';
import { LRUCache } from 'lru-cache';

/** Copilot jobs inside one process (the embedded default, one replica): a bounded LRU, each record with its TTL. */
export class MemoryCopilotJobStore implements CopilotJobStore {
  readonly #cache: LRUCache<string, CopilotJobRecord>;

  constructor(options: { maxEntries?: number } = {}) {
    this.#cache = new LRUCache({ max: options.maxEntries ?? 50_000 });
  }

  async put(tenantId: TenantId, record: CopilotJobRecord, ttlMs: number): Promise<void> {
    this.#cache.set(key(tenantId, record.tracking_id), structuredClone(record), { ttl: ttlMs });
  }

  async get(tenantId: TenantId, trackingId: string): Promise<CopilotJobRecord | undefined> {
    const found = this.#cache.get(key(tenantId, trackingId));
    return found ? structuredClone(found) : undefined;
  }
}

function key(tenantId: TenantId, trackingId: string): string {
  return JSON.stringify([tenantId, trackingId]);
}
