import {
  conversationRateLimitError,
  tenantKeyPrefix,
  type ConversationRateLimiter,
  type TenantId,
} from '@mcp-crew/core';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { StoreConnection, type RedisConnectionOptions } from './redis-connection.js';

export interface RedisConversationRateLimitsOptions extends RedisConnectionOptions {
  /** Messages per conversation per window (Chatwoot's own limit is 200 a minute). Default 200. */
  limit?: number;
  /** Window in seconds. Default 60. */
  windowSeconds?: number;
  /** Longest a send waits for a slot before failing with `CHATWOOT_RATE_LIMITED`. Default 15 s. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The Chatwoot per-conversation limit on Redis (rate-limiter-flexible, fixed window), so every replica spends
 * one budget per conversation. Keys: `<prefix>:{<tenant>}:chatwoot-rate:<account>:<conversation>`, under
 * the tenant's hash tag like every tenant key (a cluster keeps them in the tenant's slot).
 */
export class RedisConversationRateLimits {
  readonly #connection: StoreConnection;
  readonly #limiters = new Map<TenantId, ConversationRateLimiter>();

  constructor(private readonly options: RedisConversationRateLimitsOptions) {
    this.#connection = new StoreConnection(options);
  }

  /** The limiter of one tenant's gateway (one per tenant, all on this connection). */
  forTenant(tenant: TenantId): ConversationRateLimiter {
    let limiter = this.#limiters.get(tenant);
    if (!limiter) {
      limiter = this.#open(tenant);
      this.#limiters.set(tenant, limiter);
    }
    return limiter;
  }

  close(): Promise<void> {
    return this.#connection.close();
  }

  #open(tenant: TenantId): ConversationRateLimiter {
    const limiter = new RateLimiterRedis({
      storeClient: this.#connection.redis,
      points: this.options.limit ?? 200,
      duration: this.options.windowSeconds ?? 60,
      // rate-limiter-flexible joins prefix and key with ':'; the prefix already ends with one.
      keyPrefix: `${tenantKeyPrefix(this.#connection.prefix, tenant)}chatwoot-rate`,
    });
    const maxWaitMs = this.options.maxWaitMs ?? 15_000;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
    return {
      async acquire(conversation: string): Promise<void> {
        const deadline = Date.now() + maxWaitMs;
        for (;;) {
          try {
            await limiter.consume(conversation);
            return;
          } catch (outcome) {
            if (!(outcome instanceof RateLimiterRes)) throw outcome;
            // The window resets at its end (refused attempts included): wait for it, within the bound.
            const wait = Math.max(1, outcome.msBeforeNext);
            if (Date.now() + wait > deadline) throw conversationRateLimitError(conversation, wait);
            await sleep(wait);
          }
        }
      },
    };
  }
}
