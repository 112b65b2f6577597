import type { OnModuleDestroy } from '@nestjs/common';
import { closeRedis, openRedis, type RedisClient, type RedisTarget } from '@mcp-crew/redis-connection';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { CrewError, tenantHashTag, type TenantId } from '@mcp-crew/core';

export interface TenantRateLimitOptions {
  /** Requests per tenant per minute (ODOO_API_RATE_LIMIT, default 120). */
  perMinute: number;
  /** Shared across replicas when set (one server or a cluster); in-process otherwise. */
  redis?: RedisTarget;
  prefix: string;
}

/**
 * Per-tenant request budget for the API Odoo calls (rate-limiter-flexible, on Redis when REDIS_URL is set so
 * replicas share it). One tenant's burst never spends another tenant's budget.
 */
export class TenantRateLimit implements OnModuleDestroy {
  readonly #limiter: RateLimiterAbstract;
  readonly #redis?: RedisClient;

  constructor(options: TenantRateLimitOptions) {
    const base = { points: options.perMinute, duration: 60, keyPrefix: options.prefix };
    if (options.redis) {
      this.#redis = openRedis(options.redis, {
        enableOfflineQueue: false,
        lazyConnect: false,
        maxRetriesPerRequest: 1,
      });
      // Errors surface per request (as 503 below); this only keeps them from being unhandled.
      this.#redis.on('error', () => undefined);
      this.#limiter = new RateLimiterRedis({
        ...base,
        storeClient: this.#redis,
        insuranceLimiter: new RateLimiterMemory(base),
      });
    } else {
      this.#limiter = new RateLimiterMemory(base);
    }
  }

  /** Spends one request of the tenant's budget, or throws RATE_LIMITED (429 with Retry-After). */
  async consume(tenant: TenantId): Promise<void> {
    try {
      // `<prefix>:{<tenant>}:odoo-api-rate`: under the tenant's hash tag, like every tenant key.
      await this.#limiter.consume(`${tenantHashTag(tenant)}:odoo-api-rate`);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
        throw new CrewError(
          'RATE_LIMITED',
          `too many requests for tenant "${tenant}"; retry after ${retryAfterSeconds} s`,
          {
            domain: 'odoo-api',
            category: 'user',
            retryable: true,
            details: { tenant, retryAfterSeconds },
          },
        );
      }
      throw outcome;
    }
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    // QUIT needs a live connection; a client still trying to connect is stopped instead (closeRedis).
    if (this.#redis) await closeRedis(this.#redis);
  }
}
