import { circuitBreaker, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';

export interface BreakerPoolOptions {
  /** Which errors count as failures of what the breaker guards. */
  counts: (error: unknown) => boolean;
  /** Consecutive counted failures that open a breaker. Default 3. */
  consecutiveFailures?: number;
  /** How long an open breaker refuses calls before one trial call goes through. Default 30 s. */
  halfOpenAfterMs?: number;
  /** Called once for each breaker as it is made (to listen to its state changes). */
  made?: (key: string, breaker: CircuitBreakerPolicy) => void;
}

/**
 * Cockatiel circuit breakers made on first use, one per key, all with the same policy: what the per-tenant and the
 * per-endpoint breakers both keep.
 */
export class BreakerPool {
  readonly #breakers = new Map<string, CircuitBreakerPolicy>();
  readonly halfOpenAfterMs: number;
  readonly #failures: number;

  constructor(private readonly options: BreakerPoolOptions) {
    this.#failures = options.consecutiveFailures ?? 3;
    this.halfOpenAfterMs = options.halfOpenAfterMs ?? 30_000;
  }

  /** The key's breaker, made now if it has none yet. */
  get(key: string): CircuitBreakerPolicy {
    let breaker = this.#breakers.get(key);
    if (!breaker) {
      breaker = circuitBreaker(handleWhen(this.options.counts), {
        halfOpenAfter: this.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(this.#failures),
      });
      this.options.made?.(key, breaker);
      this.#breakers.set(key, breaker);
    }
    return breaker;
  }

  /** The key's breaker if one was made (a key never called has none, and so is closed). */
  find(key: string): CircuitBreakerPolicy | undefined {
    return this.#breakers.get(key);
  }
}
