import type { TenantId } from '../tenant/tenant.js';

/** What one tenant may use of the shared workers and of the model. Tenant settings (`limits`), validated. */
export interface TenantLimits {
  /** Turns of this tenant running at once, across every worker process. */
  maxConcurrentTurns: number;
  /** Model tokens this tenant may spend per minute (`0`: no cap); past it its turns wait for the window. */
  modelTokensPerMinute: number;
}

/**
 * One worker process's slots by default, so a single tenant still uses a whole worker, while a deployment
 * with several workers keeps room for the others; 100k tokens/min is several busy conversations' worth.
 */
export const DEFAULT_TENANT_LIMITS: TenantLimits = { maxConcurrentTurns: 16, modelTokensPerMinute: 100_000 };

/** Looks up a tenant's limits synchronously (the scheduler asks on every dispatch). */
export type TenantLimitsLookup = (tenantId: TenantId) => TenantLimits;

export const defaultTenantLimits: TenantLimitsLookup = () => DEFAULT_TENANT_LIMITS;

/**
 * Model tokens spent per tenant in a sliding minute, shared by every worker (Redis) or per process. The
 * queue asks it before starting a turn; the model path records what each call spent.
 */
export interface TenantTokenMeter {
  record(tenantId: TenantId, tokens: number): Promise<void>;
  /** Milliseconds until the tenant is under `perMinute` again; 0 when it is (or `perMinute` is 0). */
  waitMs(tenantId: TenantId, perMinute: number): Promise<number>;
}

export const TOKEN_WINDOW_MS = 60_000;

/**
 * The sliding-minute estimate both meters use (two fixed buckets, the previous one weighted by how much of it
 * the window still covers): milliseconds until `current + previous × (1 − elapsed/minute)` is under
 * `perMinute`. `elapsedMs` is how far into the current bucket we are.
 */
export function tokenWindowWaitMs(
  current: number,
  previous: number,
  elapsedMs: number,
  perMinute: number,
): number {
  if (perMinute <= 0) return 0;
  const covered = 1 - elapsedMs / TOKEN_WINDOW_MS;
  if (current + previous * covered < perMinute) return 0;
  // The current bucket alone is over: nothing frees before it becomes the previous one.
  if (current >= perMinute) return TOKEN_WINDOW_MS - elapsedMs + 1;
  // Wait until enough of the previous bucket has slid out of the window.
  const coveredNeeded = (perMinute - current) / previous;
  return Math.max(1, Math.ceil((covered - coveredNeeded) * TOKEN_WINDOW_MS));
}
