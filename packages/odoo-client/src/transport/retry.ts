import { isOdooError } from '../errors/odoo-error.js';

export interface RetryPolicy {
  /** Extra attempts after the first one. */
  retries: number;
  /** First pause; doubled at each attempt. */
  baseDelayMs: number;
}

/**
 * Runs `attempt` again after a retryable transport failure (connection refused or reset,
 * timeout, 502/503/504), with exponential backoff. Odoo faults are never retried: they are
 * answers. The caller decides whether the call is safe to repeat at all.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (error: unknown, attemptNumber: number) => void = () => {},
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = isOdooError(error) && error.retryable;
      if (!retryable || n >= policy.retries) throw error;
      onRetry(error, n + 1);
      await new Promise((resolve) => setTimeout(resolve, policy.baseDelayMs * 2 ** n));
    }
  }
}
