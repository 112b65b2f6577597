import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import type { CacheStore } from '@mcp-crew/core';

/**
 * The tenant cache for an eval against the sandbox: an in-process store replaced whenever the sandbox is
 * reset, so no scenario reads a partner, a price or stock cached from a previous scenario's database.
 */
export class ResettableCache implements CacheStore {
  private store = new MemoryCacheStore();

  async reset(): Promise<void> {
    const old = this.store;
    this.store = new MemoryCacheStore();
    await old.close();
  }

  get(key: string) {
    return this.store.get(key);
  }
  set(key: string, value: string, ttlMs: number, tags: readonly string[]) {
    return this.store.set(key, value, ttlMs, tags);
  }
  delete(keys: readonly string[]) {
    return this.store.delete(keys);
  }
  invalidateTags(tags: readonly string[]) {
    return this.store.invalidateTags(tags);
  }
  close() {
    return this.store.close();
  }
}
