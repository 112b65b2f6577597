import { createHash } from 'node:crypto';
import { CrewError } from '../errors/crew-error.js';
import { Secret } from '../tenant/secret.js';
import type { TenantId } from '../tenant/tenant.js';
import { tenantKeyPrefix } from '../tenant/tenant-keys.js';
import type { CacheKind } from './cache-kind.js';

// Key layout (documented in packages/cache-redis/README.md). Tenant ids cannot contain ":", so one
// tenant's prefix is never a prefix of another's. The braces are literal: a Redis Cluster hash tag that keeps
// a tenant's entries and tag sets in one slot, which the atomic tag invalidation needs (see tenant-keys.ts).
//   mcp-crew:{<tenant>}:cache:<kind>:<sha256 of the key parts>   an entry (JSON value)
//   mcp-crew:{<tenant>}:tag:<model>:<id>                         index of the entries that show an Odoo record
//   mcp-crew:{<tenant>}:cache-kind:<kind>                        index of the entries of one kind

/** An Odoo record an entry was built from; invalidating it drops the entry. */
export interface CacheTag {
  model: string;
  id: number;
}

// Odoo model names: dotted lowercase words (`product.product`, `res.partner`, `x_custom.model`).
const MODEL_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

export function tenantPrefix(tenant: TenantId): string {
  return tenantKeyPrefix('mcp-crew', tenant);
}

export function entryKey(tenant: TenantId, kind: CacheKind, keyParts: readonly unknown[]): string {
  const digest = createHash('sha256').update(stableJson(keyParts)).digest('hex');
  return `${tenantPrefix(tenant)}cache:${kind}:${digest}`;
}

export function recordTagKey(tenant: TenantId, tag: CacheTag): string {
  assertTag(tag);
  return `${tenantPrefix(tenant)}tag:${tag.model}:${tag.id}`;
}

export function kindTagKey(tenant: TenantId, kind: CacheKind): string {
  return `${tenantPrefix(tenant)}cache-kind:${kind}`;
}

export function assertTag(tag: CacheTag): void {
  if (!MODEL_PATTERN.test(tag.model) || !Number.isSafeInteger(tag.id) || tag.id <= 0) {
    throw new CrewError(
      'cache_tag_invalid',
      'a cache tag needs an Odoo model name and a positive integer id',
      {
        domain: 'cache',
        category: 'system',
        details: { model: tag.model, id: tag.id },
      },
    );
  }
}

/**
 * JSON with object keys sorted, so `{a, b}` and `{b, a}` name the same entry. Hand-written because core has
 * no runtime dependencies; it also refuses `Secret`s, whose redacted form would make distinct credentials
 * share one key.
 */
export function stableJson(value: unknown): string {
  if (value instanceof Secret) {
    throw new CrewError('cache_key_invalid', 'a Secret cannot be part of a cache key', {
      domain: 'cache',
      category: 'system',
    });
  }
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
      throw new CrewError('cache_key_invalid', `a ${typeof value} cannot be part of a cache key`, {
        domain: 'cache',
        category: 'system',
      });
    }
    return JSON.stringify(value) ?? 'null';
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return stableJson(withJson.toJSON());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
