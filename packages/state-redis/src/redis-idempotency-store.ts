import {
  DEFAULT_IDEMPOTENCY_RECORD_TTL_MS,
  type IdempotencyStore,
  type TenantId,
  tenantKeyPrefix,
} from '@mcp-crew/core';
import { StoreConnection, type RedisConnectionOptions, storeCommand } from './redis-connection.js';

const FAILURE = {
  code: 'IDEMPOTENCY_STORE_UNAVAILABLE',
  message: 'recorded effects could not be read or written: redis unavailable',
  domain: 'state',
};

export interface RedisIdempotencyStoreOptions extends RedisConnectionOptions {
  ttlMs?: number;
}

/** Recorded effects on Redis: one JSON string per key at `<prefix>:{<tenant>}:idem:<key>`, with a TTL
 * (the braces: the tenant's Redis Cluster hash tag). */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #connection: StoreConnection;
  readonly #ttlMs: number;

  constructor(options: RedisIdempotencyStoreOptions = {}) {
    this.#connection = new StoreConnection(options);
    this.#ttlMs = options.ttlMs ?? DEFAULT_IDEMPOTENCY_RECORD_TTL_MS;
  }

  key(tenantId: TenantId, key: string): string {
    return `${tenantKeyPrefix(this.#connection.prefix, tenantId)}idem:${key}`;
  }

  async get(tenantId: TenantId, key: string): Promise<unknown> {
    const raw = await this.#run(() => this.#connection.redis.get(this.key(tenantId, key)));
    return raw === null ? undefined : (JSON.parse(raw) as { value: unknown }).value;
  }

  async put(tenantId: TenantId, key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.#run(() =>
      this.#connection.redis.set(
        this.key(tenantId, key),
        JSON.stringify({ value }),
        'PX',
        ttlMs ?? this.#ttlMs,
      ),
    );
  }

  close(): Promise<void> {
    return this.#connection.close();
  }

  #run<T>(command: () => Promise<T>): Promise<T> {
    return storeCommand(FAILURE, command);
  }
}
