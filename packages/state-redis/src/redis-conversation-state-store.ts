import {
  CrewError,
  type ConversationState,
  type ConversationStateStore,
  type TenantId,
} from '@mcp-crew/core';
import { Redis, type RedisOptions } from 'ioredis';

export interface RedisConversationStateStoreOptions {
  /** `redis://127.0.0.1:6379/0`; or pass `redis` options, or an existing `client` (then the caller closes it). */
  url?: string;
  redis?: RedisOptions;
  client?: Redis;
  /** Key prefix. Default `mcp-crew`. */
  prefix?: string;
  /** How long an untouched conversation is remembered. Default 7 days. */
  ttlSeconds?: number;
}

/** Conversation state on Redis: one JSON string per conversation at `{prefix}:{tenant}:conv:{id}:state`, with a TTL. */
export class RedisConversationStateStore implements ConversationStateStore {
  readonly #redis: Redis;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #ttlSeconds: number;

  constructor(options: RedisConversationStateStoreOptions = {}) {
    this.#prefix = options.prefix ?? 'mcp-crew';
    this.#ttlSeconds = options.ttlSeconds ?? 7 * 24 * 60 * 60;
    this.#ownsClient = !options.client;
    // A turn should fail (and be retried by the queue) rather than wait on a Redis that is gone.
    const defaults: RedisOptions = { maxRetriesPerRequest: 2, connectTimeout: 2000, commandTimeout: 2000 };
    this.#redis =
      options.client ??
      (options.url
        ? new Redis(options.url, { ...defaults, ...options.redis })
        : new Redis({ ...defaults, ...options.redis }));
    if (this.#ownsClient) this.#redis.on('error', () => undefined); // failures surface on the commands
  }

  /** The key of one conversation's state. */
  key(tenantId: TenantId, conversationId: number): string {
    return `${this.#prefix}:${tenantId}:conv:${conversationId}:state`;
  }

  async load(tenantId: TenantId, conversationId: number): Promise<ConversationState> {
    const raw = await this.#run('load', () => this.#redis.get(this.key(tenantId, conversationId)));
    if (raw === null) return { history: [] };
    try {
      return JSON.parse(raw) as ConversationState;
    } catch (cause) {
      throw new CrewError('STATE_CORRUPT', 'stored conversation state is not valid JSON', {
        domain: 'state',
        category: 'system',
        details: { tenant: tenantId, conversation: conversationId },
        cause,
      });
    }
  }

  async save(tenantId: TenantId, conversationId: number, state: ConversationState): Promise<void> {
    await this.#run('save', () =>
      this.#redis.set(this.key(tenantId, conversationId), JSON.stringify(state), 'EX', this.#ttlSeconds),
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
    // Not connected (or QUIT failed): stop reconnecting instead of waiting for a server that is not there.
    this.#redis.disconnect();
  }

  async #run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch (cause) {
      throw new CrewError('STATE_UNAVAILABLE', `conversation state ${operation} failed: redis unavailable`, {
        domain: 'state',
        category: 'system',
        retryable: true,
        cause,
      });
    }
  }
}
