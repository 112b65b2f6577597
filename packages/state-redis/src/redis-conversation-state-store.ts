import {
  CrewError,
  type ConversationState,
  type ConversationStateStore,
  type TenantId,
  tenantKeyPrefix,
} from '@mcp-crew/core';
import { StoreConnection, type RedisConnectionOptions } from './redis-connection.js';

export interface RedisConversationStateStoreOptions extends RedisConnectionOptions {
  /** How long an untouched conversation is remembered. Default 7 days. */
  ttlSeconds?: number;
}

/** Conversation state on Redis: one JSON string per conversation at `<prefix>:{<tenant>}:conv:<id>:state`, with a TTL
 * (the braces: the tenant's Redis Cluster hash tag). */
export class RedisConversationStateStore implements ConversationStateStore {
  readonly #connection: StoreConnection;
  readonly #ttlSeconds: number;

  constructor(options: RedisConversationStateStoreOptions = {}) {
    this.#connection = new StoreConnection(options);
    this.#ttlSeconds = options.ttlSeconds ?? 7 * 24 * 60 * 60;
  }

  /** The key of one conversation's state. */
  key(tenantId: TenantId, conversationId: number): string {
    return `${tenantKeyPrefix(this.#connection.prefix, tenantId)}conv:${conversationId}:state`;
  }

  async load(tenantId: TenantId, conversationId: number): Promise<ConversationState> {
    const raw = await this.#run('load', () => this.#connection.redis.get(this.key(tenantId, conversationId)));
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
      this.#connection.redis.set(
        this.key(tenantId, conversationId),
        JSON.stringify(state),
        'EX',
        this.#ttlSeconds,
      ),
    );
  }

  close(): Promise<void> {
    return this.#connection.close();
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
