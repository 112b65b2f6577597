import { CrewError } from '@mcp-crew/core';
import { closeRedis, openRedis, type RedisClient, type RedisTarget } from '@mcp-crew/redis-connection';
import type { RedisOptions } from 'ioredis';

/**
 * How a store reaches Redis, and under which key prefix: a `url` (`redis://127.0.0.1:6379/0`), a `cluster`,
 * plain `redis` options, or an existing `client` (then the caller closes it).
 */
export interface RedisConnectionOptions extends RedisTarget {
  client?: RedisClient;
  /** Key prefix. Default `mcp-crew`. */
  prefix?: string;
}

/** A store's Redis client (one server or a cluster): the caller's, or one of its own that `close()` ends. */
export class StoreConnection {
  readonly redis: RedisClient;
  readonly prefix: string;
  readonly #ownsClient: boolean;

  constructor(options: RedisConnectionOptions) {
    this.prefix = options.prefix ?? 'mcp-crew';
    this.#ownsClient = !options.client;
    // A turn should fail (and be retried by the queue) rather than wait on a Redis that is gone.
    const defaults: RedisOptions = { maxRetriesPerRequest: 2, connectTimeout: 2000, commandTimeout: 2000 };
    this.redis = options.client ?? openRedis(options, defaults);
    if (this.#ownsClient) this.redis.on('error', () => undefined); // failures surface on the commands
  }

  /** Ends a client the store opened; a caller's client is left to the caller. */
  async close(): Promise<void> {
    if (this.#ownsClient) await closeRedis(this.redis);
  }
}

/** Runs a store's Redis command; a failure becomes a retryable system error with the store's own code. */
export async function storeCommand<T>(
  failure: { code: string; message: string; domain: string },
  command: () => Promise<T>,
): Promise<T> {
  try {
    return await command();
  } catch (cause) {
    throw new CrewError(failure.code, failure.message, {
      domain: failure.domain,
      category: 'system',
      retryable: true,
      cause,
    });
  }
}
