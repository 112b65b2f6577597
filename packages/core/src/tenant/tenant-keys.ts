import type { TenantId } from './tenant.js';

/**
 * Where a tenant's keys live in a key-value store: `{prefix}:{<tenant>}:`. The braces are a Redis Cluster hash
 * tag, so every key of one tenant (cache entries and their tag sets, conversation buffers, state, recorded
 * effects, rate windows) hashes to one slot and multi-key commands (MULTI, the cache's invalidation script)
 * stay legal on a cluster; tenants still spread over the cluster's slots. Neither a prefix (letters, digits,
 * `:`, `_`, `-`) nor a tenant id can contain a brace, so the tenant is always the key's first hash tag.
 */
export function tenantKeyPrefix(prefix: string, tenant: TenantId): string {
  return `${prefix}:${tenantHashTag(tenant)}:`;
}

/** The Redis Cluster hash tag of a tenant's keys. */
export function tenantHashTag(tenant: TenantId): string {
  return `{${tenant}}`;
}
