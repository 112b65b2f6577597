// The tenant-keyed cache port: kinds and TTLs, the adapter interface, and the tenant view over it.
export * from './cache-kind.js';
export * from './cache-store.js';
export type { CacheTag } from './cache-keys.js';
export * from './cache-stats.js';
export { TenantCache, cacheFor, cacheStats } from './tenant-cache.js';
export type { GetOrLoadOptions, TenantCacheOptions } from './tenant-cache.js';
export * from './cached-read-policy.js';
