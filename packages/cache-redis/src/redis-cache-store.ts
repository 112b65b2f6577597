import { closeRedis, openRedis, type RedisClient, type RedisTarget } from '@mcp-crew/redis-connection';
import { CrewError, type CacheStore } from '@mcp-crew/core';
import { CONSOLE_CACHE_LOGGER, type CacheLogger } from './cache-logger.js';
import { INVALIDATE_TAGS_LUA } from './invalidate-script.js';

export interface RedisCacheStoreOptions {
  /** Prepended to every key (tests use `test:<random>:`); default none, so keys start with `mcp-crew:`. */
  keyPrefix?: string;
  logger?: CacheLogger;
  /** A cache answer slower than this is treated as a miss. Default 500 ms. */
  commandTimeoutMs?: number;
  /** Default 2000 ms. */
  connectTimeoutMs?: number;
}

// Tag members whose entries expired longer ago than this are pruned when the tag is written to. The margin
// absorbs clock differences between app instances (the score is the writer's clock), so a live entry is
// never pruned from its tag.
const PRUNE_MARGIN_MS = 10 * 60_000;
// A tag set outlives its entries by this much, so it never expires a moment before one of them.
const TAG_EXTRA_TTL_MS = 1000;

/**
 * Cache entries in Redis, shared by every orchestrator process. See README.md for the key layout.
 *
 * Fails soft: when Redis is unreachable commands fail at once (no offline queue, short command timeout)
 * with `CrewError` `cache_unavailable`, which `TenantCache.getOrLoad` turns into a plain load; the outage is
 * logged once as a warning, and its end once as info. Invalidations reject so their caller can retry.
 */
export class RedisCacheStore implements CacheStore {
  readonly #redis: RedisClient;
  readonly #logger: CacheLogger;
  readonly #prefix: string;
  #unavailable = false;

  private constructor(redis: RedisClient, logger: CacheLogger, prefix: string) {
    this.#redis = redis;
    this.#logger = logger;
    this.#prefix = prefix;
    // Without a listener ioredis prints every reconnection error; one warning per outage is enough.
    redis.on('error', (error: unknown) => this.#failed(error));
    redis.defineCommand('invalidateTags', { lua: INVALIDATE_TAGS_LUA });
  }

  /**
   * Connects to `target`: a URL (e.g. `redis://127.0.0.1:6379/0`) or a `RedisTarget` (a cluster, say). Resolves
   * even when Redis is down: the store then serves misses and keeps reconnecting in the background.
   */
  static async connect(
    target: string | RedisTarget,
    options: RedisCacheStoreOptions = {},
  ): Promise<RedisCacheStore> {
    const redis = openRedis(typeof target === 'string' ? { url: target } : target, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: options.connectTimeoutMs ?? 2000,
      keyPrefix: options.keyPrefix ?? '',
      // ioredis arms this timer even for a socket that was refused and already closed; keep the linger short.
      disconnectTimeout: 200,
    });
    const store = new RedisCacheStore(redis, options.logger ?? CONSOLE_CACHE_LOGGER, options.keyPrefix ?? '');
    try {
      await redis.connect();
    } catch (error) {
      store.#failed(error);
    }
    return store;
  }

  async get(key: string): Promise<string | undefined> {
    return this.#run('get', async () => (await this.#redis.get(key)) ?? undefined);
  }

  async set(key: string, value: string, ttlMs: number, tags: readonly string[]): Promise<void> {
    await this.#run('set', async () => {
      const now = Date.now();
      const tx = this.#redis.multi().set(key, value, 'PX', ttlMs);
      const tagTtlMs = ttlMs + TAG_EXTRA_TTL_MS;
      for (const tag of tags) {
        tx.zadd(tag, now + ttlMs, key)
          .zremrangebyscore(tag, '-inf', now - PRUNE_MARGIN_MS)
          // The set lives as long as its longest-lived member: NX gives a new set a TTL, GT only extends it.
          .pexpire(tag, tagTtlMs, 'NX')
          .pexpire(tag, tagTtlMs, 'GT');
      }
      const results = await tx.exec();
      const failure = results?.find(([error]) => error)?.[0];
      if (!results || failure) throw failure ?? new Error('transaction aborted');
    });
  }

  async delete(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    return this.#run('delete', () => this.#redis.del(...keys));
  }

  async invalidateTags(tags: readonly string[]): Promise<number> {
    if (tags.length === 0) return 0;
    const redis = this.#redis as RedisClient & {
      invalidateTags(numKeys: number, ...args: string[]): Promise<number>;
    };
    return this.#run('invalidate', () => redis.invalidateTags(tags.length, ...tags, this.#prefix));
  }

  async close(): Promise<void> {
    await closeRedis(this.#redis);
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await command();
    } catch (error) {
      this.#failed(error);
      throw new CrewError('cache_unavailable', `Redis cache ${operation} failed`, {
        domain: 'cache',
        category: 'third_party',
        retryable: true,
        cause: error,
      });
    }
    if (this.#unavailable) {
      this.#unavailable = false;
      this.#logger.info({}, 'Redis cache available again');
    }
    return result;
  }

  #failed(error: unknown): void {
    if (this.#unavailable) return;
    this.#unavailable = true;
    // Only the message: a connection error never carries the URL's password, but a URL could.
    const reason = error instanceof Error ? error.message : String(error);
    this.#logger.warn({ reason }, 'Redis cache unavailable: answering without cache until it is back');
  }
}
