/**
 * What a cache adapter implements (in-process LRU, Redis). Every key it receives is already namespaced by
 * tenant (`mcp-crew:{<tenant>}:...`, the braces a Redis Cluster hash tag); adapters never build keys themselves. Application code never holds a
 * `CacheStore` for reading or writing entries: it goes through `cacheFor(store, tenantId)`, which is what
 * makes tenants unable to reach each other's keys.
 *
 * Values are opaque strings (JSON made by `TenantCache`). Tags are the keys of index sets: an entry stored
 * with a tag is deleted when that tag is invalidated. A tag set must live at least as long as the longest
 * entry recorded in it, so an invalidation can never miss a live entry.
 *
 * Failure: methods reject (preferably with `CrewError` code `cache_unavailable`) when the backing service
 * cannot answer. `TenantCache.getOrLoad` treats a failed read or write as a miss; invalidations propagate
 * the rejection so their caller can retry.
 */
export interface CacheStore {
  /** The stored value, or `undefined` when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` for `ttlMs` and records `key` in every tag set, as one atomic step where the backend allows. */
  set(key: string, value: string, ttlMs: number, tags: readonly string[]): Promise<void>;
  /** Deletes the given entries; resolves to how many existed. */
  delete(keys: readonly string[]): Promise<number>;
  /** Deletes every entry recorded in the given tag sets, and the sets; resolves to how many entries existed. */
  invalidateTags(tags: readonly string[]): Promise<number>;
  /** Releases connections or timers (does not delete data). */
  close(): Promise<void>;
}
