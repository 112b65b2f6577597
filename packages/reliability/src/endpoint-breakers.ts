import { BrokenCircuitError, CircuitState } from 'cockatiel';
import { CrewError } from '@mcp-crew/core';
import { BreakerPool } from './breaker-pool.js';

/** The code of a call refused because its model endpoint's shared breaker is open. */
export const ENDPOINT_UNAVAILABLE = 'MODEL_ENDPOINT_UNAVAILABLE';

/** What an endpoint's breaker did: opened, let one trial call through, closed again, or refused a call. */
export type EndpointEvent = 'opened' | 'half_open' | 'closed' | 'refused';

export interface EndpointBreakersOptions {
  /** Which errors are the endpoint's (an outage: timeouts, 5xx, refused connections), not one caller's. */
  counts: (error: unknown) => boolean;
  /** Consecutive endpoint failures, whoever made the calls, that open its breaker. Default 3. */
  consecutiveFailures?: number;
  /** How long an open breaker refuses calls before one trial call goes through. Default 30 s. */
  halfOpenAfterMs?: number;
  /** For the log line and the metric; `endpoint` is the caller's label (never a key). */
  onEvent?: (endpoint: string, event: EndpointEvent) => void;
}

/**
 * One circuit breaker per model endpoint (cockatiel), shared by every tenant that calls it in this process: once
 * the endpoint timed out or failed several times in a row, whoever called, every later call fails at once
 * (`MODEL_ENDPOINT_UNAVAILABLE`) so the offline engine answers without each tenant paying its own timeouts
 * first. Errors `counts` rejects (one tenant's key refused, a bad request) neither open nor hold it open.
 * While the one trial call is out, the other callers are refused instead of queuing behind it.
 */
export class EndpointBreakers {
  readonly #pool: BreakerPool;

  constructor(private readonly options: EndpointBreakersOptions) {
    const onEvent = options.onEvent;
    this.#pool = new BreakerPool({
      ...options,
      ...(onEvent
        ? {
            made: (endpoint, breaker) => {
              breaker.onBreak(() => onEvent(endpoint, 'opened'));
              breaker.onHalfOpen(() => onEvent(endpoint, 'half_open'));
              breaker.onReset(() => onEvent(endpoint, 'closed'));
            },
          }
        : {}),
    });
  }

  /** Runs `call` against `endpoint` (an identity that tells endpoints, models and keys apart, never a key). */
  async run<T>(endpoint: string, call: () => Promise<T>): Promise<T> {
    const breaker = this.#pool.get(endpoint);
    if (breaker.state === CircuitState.HalfOpen) throw this.#refused(endpoint);
    try {
      return await breaker.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw this.#refused(endpoint);
      throw error;
    }
  }

  /** Whether the endpoint's breaker refuses calls now (open, or its trial call is out). */
  isOpen(endpoint: string): boolean {
    const state = this.#pool.find(endpoint)?.state;
    return state === CircuitState.Open || state === CircuitState.HalfOpen;
  }

  #refused(endpoint: string): CrewError {
    this.options.onEvent?.(endpoint, 'refused');
    return new CrewError(
      ENDPOINT_UNAVAILABLE,
      `the model endpoint is failing; its calls are paused for up to ${Math.round(this.#pool.halfOpenAfterMs / 1000)} s`,
      { domain: 'model', category: 'third_party', details: { dependency: 'model' } },
    );
  }
}
