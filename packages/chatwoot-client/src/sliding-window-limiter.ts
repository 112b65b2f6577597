import type { ConversationRateLimiter } from '@mcp-crew/core';
import { chatwootLocalRateLimitError } from './chatwoot-errors.js';

export interface SlidingWindowLimiterOptions {
  /** Most sends per key in any window. Chatwoot allows 200 messages a minute per conversation. */
  limit: number;
  windowMs: number;
  /** Longest a caller waits for a slot; past that it gets `CHATWOOT_RATE_LIMITED` at once. */
  maxWaitMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A per-key sliding-window limiter that makes the caller wait (bounded) for a free slot.
 *
 * Hand-written rather than `p-throttle`/`bottleneck` because we need: one window per conversation with the
 * idle ones forgotten, a bounded wait that fails fast instead of queueing without end, and an injectable
 * clock so tests need no real minute. It only limits this process: with several replicas, a shared limiter
 * (Redis, `RedisConversationRateLimits`) is injected into the gateway instead.
 */
export class SlidingWindowLimiter implements ConversationRateLimiter {
  readonly #slots = new Map<string, number[]>();
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: SlidingWindowLimiterOptions) {
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Reserves the next slot for `key` and resolves when it is due. */
  async acquire(key: string): Promise<void> {
    const now = this.#now();
    this.#forgetIdle(now);
    const slots = this.#live(key, now);
    // Slots are reserved in order, so the one `limit` places back bounds when the next may go.
    const blocker = slots.length >= this.options.limit ? slots[slots.length - this.options.limit] : undefined;
    const at = blocker === undefined ? now : Math.max(now, blocker + this.options.windowMs);
    const wait = at - now;
    if (wait > this.options.maxWaitMs) throw chatwootLocalRateLimitError(key, wait);
    slots.push(at);
    this.#slots.set(key, slots);
    if (wait > 0) await this.#sleep(wait);
  }

  /** Keys with a send in the current window (for tests and metrics). */
  get activeKeys(): number {
    return this.#slots.size;
  }

  #live(key: string, now: number): number[] {
    const slots = this.#slots.get(key) ?? [];
    const firstLive = slots.findIndex((t) => t > now - this.options.windowMs);
    return firstLive === -1 ? [] : slots.slice(firstLive);
  }

  // Drops conversations whose last send left the window, so the map does not grow with every conversation.
  // Once per window is enough: an idle key costs at most `limit` numbers until then.
  #forgetIdle(now: number): void {
    if (now - this.#lastSweep < this.options.windowMs) return;
    this.#lastSweep = now;
    for (const [key, slots] of this.#slots) {
      const last = slots[slots.length - 1];
      if (last === undefined || last <= now - this.options.windowMs) this.#slots.delete(key);
    }
  }
}
