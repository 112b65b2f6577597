import type { TenantId } from '../tenant/tenant.js';

/**
 * Results of effects (an Odoo write, a Chatwoot message) recorded under an idempotency key, so a retried or
 * recovered turn reuses what it already did instead of doing it again. Keys are always scoped by tenant.
 * Production keeps them in Redis (they must outlive a worker); one process may keep them in memory.
 */
export interface IdempotencyStore {
  /** The recorded result, or undefined when nothing was recorded under the key (or it expired). */
  get(tenantId: TenantId, key: string): Promise<unknown>;
  /** Records a result (JSON-serialisable) under the key for `ttlMs` (default: the store's). */
  put(tenantId: TenantId, key: string, value: unknown, ttlMs?: number): Promise<void>;
}

/** How long recorded effects are kept by default: longer than any retry or recovery of a turn. */
export const DEFAULT_IDEMPOTENCY_RECORD_TTL_MS = 7 * 24 * 60 * 60 * 1000;
