import { DEFAULT_IDEMPOTENCY_RECORD_TTL_MS, type IdempotencyStore, type TenantId } from '@mcp-crew/core';
import { LRUCache } from 'lru-cache';

/** Recorded effects inside one process (the embedded default): a bounded LRU with a TTL. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #cache: LRUCache<string, { value: unknown }>;

  constructor(options: { maxEntries?: number; ttlMs?: number } = {}) {
    this.#cache = new LRUCache({
      max: options.maxEntries ?? 50_000,
      ttl: options.ttlMs ?? DEFAULT_IDEMPOTENCY_RECORD_TTL_MS,
    });
  }

  async get(tenantId: TenantId, key: string): Promise<unknown> {
    const found = this.#cache.get(JSON.stringify([tenantId, key]));
    return found ? structuredClone(found.value) : undefined;
  }

  async put(tenantId: TenantId, key: string, value: unknown, ttlMs?: number): Promise<void> {
    this.#cache.set(
      JSON.stringify([tenantId, key]),
      { value: structuredClone(value) },
      ttlMs ? { ttl: ttlMs } : undefined,
    );
  }
}
