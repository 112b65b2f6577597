import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { CrewError, isCrewError } from '@mcp-crew/core';
import { BreakerPool } from './breaker-pool.js';
import { ENDPOINT_UNAVAILABLE } from './endpoint-breakers.js';

/** The outside services a turn depends on, each with its own breaker per tenant. */
export type Dependency = 'odoo' | 'model';

export interface TenantBreakersOptions {
  /** Consecutive failures that open a tenant's breaker. Default 3. */
  consecutiveFailures?: number;
  /** How long an open breaker refuses calls before letting one through. Default 30 s. */
  halfOpenAfterMs?: number;
}

/**
 * Per-tenant circuit breakers (cockatiel): once a tenant's Odoo (or model endpoint) failed several times in a
 * row, its later calls fail at once (`DEPENDENCY_UNAVAILABLE`) instead of each turn waiting for its own
 * timeouts, so those turns hand over within their deadline. One tenant's broken Odoo never trips another's.
 * The caller's own mistakes (category `user`: a validation error, a missing record) do not count, nor does a
 * refusal of the model endpoint's shared breaker (the endpoint failed, not necessarily this tenant).
 */
export class TenantBreakers {
  readonly #pool: BreakerPool;

  constructor(options: TenantBreakersOptions = {}) {
    this.#pool = new BreakerPool({
      ...options,
      counts: (error) =>
        !(isCrewError(error) && (error.category === 'user' || error.code === ENDPOINT_UNAVAILABLE)),
    });
  }

  async run<T>(tenantId: string, dependency: Dependency, call: () => Promise<T>): Promise<T> {
    try {
      return await this.#pool.get(key(tenantId, dependency)).execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new CrewError(
          'DEPENDENCY_UNAVAILABLE',
          `${dependency} is failing for this tenant; calls are paused for up to ${Math.round(this.#pool.halfOpenAfterMs / 1000)} s`,
          {
            domain: dependency,
            category: 'third_party',
            details: { dependency },
          },
        );
      }
      throw error;
    }
  }

  /** Whether the tenant's breaker for the dependency currently refuses calls. */
  isOpen(tenantId: string, dependency: Dependency): boolean {
    return this.#pool.find(key(tenantId, dependency))?.state === CircuitState.Open;
  }
}

function key(tenantId: string, dependency: Dependency): string {
  return JSON.stringify([tenantId, dependency]);
}
