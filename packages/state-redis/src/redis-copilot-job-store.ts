import { tenantKeyPrefix, type CopilotJobRecord, type CopilotJobStore, type TenantId } from '@mcp-crew/core';
import { StoreConnection, type RedisConnectionOptions, storeCommand } from './redis-connection.js';

const FAILURE = {
  code: 'COPILOT_JOBS_UNAVAILABLE',
  message: 'copilot jobs could not be read or written: redis unavailable',
  domain: 'copilot',
};

/**
 * Copilot jobs on Redis, read by every replica: one JSON string per job at
 * `<prefix>:{<tenant>}:copilot-job:<tracking id>` with a TTL (the braces: the tenant's Redis Cluster hash tag).
 */
export class RedisCopilotJobStore implements CopilotJobStore {
  readonly #connection: StoreConnection;

  constructor(options: RedisConnectionOptions = {}) {
    this.#connection = new StoreConnection(options);
  }

  key(tenantId: TenantId, trackingId: string): string {
    return `${tenantKeyPrefix(this.#connection.prefix, tenantId)}copilot-job:${trackingId}`;
  }

  async put(tenantId: TenantId, record: CopilotJobRecord, ttlMs: number): Promise<void> {
    await this.#run(() =>
      this.#connection.redis.set(this.key(tenantId, record.tracking_id), JSON.stringify(record), 'PX', ttlMs),
    );
  }

  async get(tenantId: TenantId, trackingId: string): Promise<CopilotJobRecord | undefined> {
    const raw = await this.#run(() => this.#connection.redis.get(this.key(tenantId, trackingId)));
    return raw === null ? undefined : (JSON.parse(raw) as CopilotJobRecord);
  }

  close(): Promise<void> {
    return this.#connection.close();
  }

  #run<T>(command: () => Promise<T>): Promise<T> {
    return storeCommand(FAILURE, command);
  }
}
