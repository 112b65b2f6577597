import {
  CrewError,
  DEFAULT_IDEMPOTENCY_RECORD_TTL_MS,
  type IdempotencyStore,
  type TenantId,
} from '@mcp-crew/core';
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisIdempotencyStoreOptions {
  url?: string;
  redis?: RedisOptions;
  /** An existing client (the caller closes it). */
  client?: Redis;
  /** Key prefix. Default `mcp-crew`. */
  prefix?: string;
  ttlMs?: number;
}

/** Recorded effects on Redis: one JSON string per key at `{prefix}:{tenant}:idem:{key}`, with a TTL. */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #redis: Redis;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #ttlMs: number;

  constructor(options: RedisIdempotencyStoreOptions = {}) {
    this.#prefix = options.prefix ?? 'mcp-crew';
    this.#ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_RECORD_TTL_MS;
    this.#ownsClient = !options.client;
    // Recording an effect must not hang a turn on a Redis that is gone: fail, and let the turn be retried.
    const defaults: RedisOptions = { maxRetriesPerRequest: 2, connectTimeout: 2000, commandTimeout: 2000 };
    this.#redis =
      options.client ??
      (options.url
        ? new Redis(options.url, { ...defaults, ...options.redis })
        : new Redis({ ...defaults, ...options.redis }));
    if (this.#ownsClient) this.#redis.on('error', () => undefined); // failures surface on the commands
  }

  key(tenantId: TenantId, key: string): string {
    return `${this.#prefix}:${tenantId}:idem:${key}`;
  }

  async get(tenantId: TenantId, key: string): Promise<unknown> {
    const raw = await this.#run(() => this.#redis.get(this.key(tenantId, key)));
    return raw === null ? undefined : (JSON.parse(raw) as { value: unknown }).value;
  }

  async put(tenantId: TenantId, key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.#run(() =>
      this.#redis.set(this.key(tenantId, key), JSON.stringify({ value }), 'PX', ttlMs ?? this.#ttlMs),
    );
  }

  async close(): Promise<void> {
    if (!this.#ownsClient || this.#redis.status === 'end') return;
    if (this.#redis.status === 'ready') {
      try {
        await this.#redis.quit();
        return;
      } catch {
        // fall through to disconnect
      }
    }
    this.#redis.disconnect();
  }

  async #run<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (cause) {
      throw new CrewError(
        'IDEMPOTENCY_STORE_UNAVAILABLE',
        'recorded effects could not be read or written: redis unavailable',
        { domain: 'state', category: 'system', retryable: true, cause },
      );
    }
  }
}
