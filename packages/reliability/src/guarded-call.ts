import { CrewError, isCrewError } from '@mcp-crew/core';
import { callBudgetMs, currentTurnScope, deadlineExceeded, noteActivity, noteFailure } from './turn-scope.js';
import type { Dependency, TenantBreakers } from './tenant-breakers.js';

export interface GuardedCallOptions {
  tenantId: string;
  dependency: Dependency;
  /** What the call does, for the hand-over note ("Odoo sale.order search_read"). */
  label: string;
  /** The call's own timeout; cut to what is left of the turn. */
  timeoutMs: number;
  breakers: TenantBreakers;
  /**
   * Whether the caller may stop waiting at the timeout. True for reads. A write is always awaited to its
   * end (its own client timeout bounds it): abandoning it would leave a write nobody records.
   */
  abandonable: boolean;
}

/**
 * One outside call inside a turn: noted in the turn's activity, bounded by the call's timeout and the turn's
 * deadline, and counted by the tenant's circuit breaker (an open breaker fails the call at once).
 */
export async function guardedCall<T>(options: GuardedCallOptions, call: () => Promise<T>): Promise<T> {
  noteActivity(options.label);
  try {
    const budget = callBudgetMs(options.timeoutMs);
    return await options.breakers.run(options.tenantId, options.dependency, () =>
      options.abandonable ? withTimeout(call(), budget, options.label) : call(),
    );
  } catch (error) {
    // The caller's own mistakes (a validation error, a missing record) are answers, not outages.
    if (!(isCrewError(error) && error.category === 'user')) {
      noteFailure(`${options.label}: ${describe(error)}`);
      currentTurnScope()?.failedDependencies.add(options.dependency);
    }
    throw error;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, label: string): Promise<T> {
  const signal = currentTurnScope()?.signal;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new CrewError('CALL_TIMED_OUT', `${label} did not answer within ${ms} ms`, {
          domain: 'turn',
          category: 'third_party',
          retryable: true,
          details: { timeoutMs: ms },
        }),
      );
    }, ms);
    const onAbort = () => {
      cleanup();
      reject(deadlineExceeded());
    };
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => (cleanup(), resolve(value)),
      (error: unknown) => (cleanup(), reject(error)),
    );
  });
}

function describe(error: unknown): string {
  if (isCrewError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : 'unknown error';
}
