import { Redis, type RedisOptions } from 'ioredis';

/** How a store reaches Redis, and under which key prefix. */
export interface RedisConnectionOptions {
  /** `redis://127.0.0.1:6379/0`; or pass `redis` options, or an existing `client` (then the caller closes it). */
  url?: string;
  redis?: RedisOptions;
  client?: Redis;
  /** Key prefix. Default `mcp-crew`. */
  prefix?: string;
}

/** A store's Redis client: the caller's, or one of its own that `close()` ends. */
export class StoreConnection {
  readonly redis: Redis;
  readonly prefix: string;
  readonly #ownsClient: boolean;

  constructor(options: RedisConnectionOptions) {
    this.prefix = options.prefix ?? 'mcp-crew';
    this.#ownsClient = !options.client;
    // A turn should fail (and be retried by the queue) rather than wait on a Redis that is gone.
    const defaults: RedisOptions = { maxRetriesPerRequest: 2, connectTimeout: 2000, commandTimeout: 2000 };
    this.redis =
      options.client ??
      (options.url
        ? new Redis(options.url, { ...defaults, ...options.redis })
        : new Redis({ ...defaults, ...options.redis }));
    if (this.#ownsClient) this.redis.on('error', () => undefined); // failures surface on the commands
  }

  /** Ends a client the store opened; a caller's client is left to the caller. */
  async close(): Promise<void> {
    if (!this.#ownsClient || this.redis.status === 'end') return;
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit();
        return;
      } catch {
        // fall through to disconnect
      }
    }
    // Not connected (or QUIT failed): stop reconnecting instead of waiting for a server that is not there.
    this.redis.disconnect();
  }
}
