import type { ConversationState, ConversationStateStore, TenantId } from '@mcp-crew/core';
import { LRUCache } from 'lru-cache';

export interface MemoryConversationStateStoreOptions {
  /** Conversations kept; the least recently used go first. Default 10,000. */
  maxEntries?: number;
  /** How long an untouched conversation is remembered. Default 7 days. */
  ttlMs?: number;
}

/** Conversation state inside one process (the embedded default): a bounded LRU with a TTL. */
export class MemoryConversationStateStore implements ConversationStateStore {
  readonly #cache: LRUCache<string, ConversationState>;

  constructor(options: MemoryConversationStateStoreOptions = {}) {
    this.#cache = new LRUCache({
      max: options.maxEntries ?? 10_000,
      ttl: options.ttlMs ?? 7 * 24 * 60 * 60 * 1000,
    });
  }

  async load(tenantId: TenantId, conversationId: number): Promise<ConversationState> {
    const found = this.#cache.get(key(tenantId, conversationId));
    // Copies both ways, so callers never share an object with the store (as with the Redis store).
    return found ? structuredClone(found) : { history: [] };
  }

  async save(tenantId: TenantId, conversationId: number, state: ConversationState): Promise<void> {
    this.#cache.set(key(tenantId, conversationId), structuredClone(state));
  }

  async close(): Promise<void> {
    this.#cache.clear();
  }
}

function key(tenantId: TenantId, conversationId: number): string {
  return `${tenantId}:${conversationId}`;
}
