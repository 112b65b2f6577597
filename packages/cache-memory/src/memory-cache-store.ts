import { LRUCache } from 'lru-cache';
import type { CacheStore } from '@mcp-crew/core';

export interface MemoryCacheStoreOptions {
  /** Most entries kept (least recently used go first). Default 10 000. */
  maxEntries?: number;
  /** Most characters of values kept, across entries (embeddings are large). Default 64 Mi. */
  maxChars?: number;
}

interface Entry {
  value: string;
  tags: readonly string[];
}

/**
 * The cache of one machine: `lru-cache` with a TTL per entry, plus in-process tag indexes. The indexes are
 * kept exact (an entry leaves its tag sets whenever it leaves the cache, whatever the reason), so they can
 * never outgrow the LRU.
 */
export class MemoryCacheStore implements CacheStore {
  readonly #tags = new Map<string, Set<string>>();
  readonly #entries: LRUCache<string, Entry>;

  constructor(options: MemoryCacheStoreOptions = {}) {
    this.#entries = new LRUCache<string, Entry>({
      max: options.maxEntries ?? 10_000,
      maxSize: options.maxChars ?? 64 * 1024 * 1024,
      sizeCalculation: (entry) => Math.max(1, entry.value.length),
      // Called synchronously for eviction, expiry, delete and overwrite.
      dispose: (entry, key) => this.#untag(key, entry.tags),
    });
  }

  async get(key: string): Promise<string | undefined> {
    return this.#entries.get(key)?.value;
  }

  async set(key: string, value: string, ttlMs: number, tags: readonly string[]): Promise<void> {
    // Set first: overwriting disposes the old entry (removing it from its tags) before the new tags go in.
    this.#entries.set(key, { value, tags: [...tags] }, { ttl: ttlMs });
    if (!this.#entries.has(key)) return; // larger than maxChars: not stored, so not indexed
    for (const tag of tags) {
      let members = this.#tags.get(tag);
      if (!members) this.#tags.set(tag, (members = new Set()));
      members.add(key);
    }
  }

  async delete(keys: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const key of keys) {
      if (this.#entries.has(key)) deleted++;
      this.#entries.delete(key);
    }
    return deleted;
  }

  async invalidateTags(tags: readonly string[]): Promise<number> {
    const keys = new Set<string>();
    for (const tag of tags) for (const key of this.#tags.get(tag) ?? []) keys.add(key);
    return this.delete([...keys]);
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }

  #untag(key: string, tags: readonly string[]): void {
    for (const tag of tags) {
      const members = this.#tags.get(tag);
      members?.delete(key);
      if (members?.size === 0) this.#tags.delete(tag);
    }
  }
}
