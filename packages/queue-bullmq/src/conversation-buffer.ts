import { messageIdentity, type InboundMessage, type TenantId } from '@mcp-crew/core';
import type { RedisClient } from '@mcp-crew/redis-connection';
import { bufferKeys } from './keys.js';

/** Safety net: a conversation's buffer disappears if nothing touches it for this long. */
const BUFFER_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * A conversation's messages between the webhook and their turn. Keyed by the message's identity, so a
 * retried inbound job, or the same message under another delivery id, writes the same entry again instead
 * of adding a second one (a burst never holds one line twice).
 */
export class ConversationBuffer {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  async add(message: InboundMessage): Promise<void> {
    const { order, payloads } = bufferKeys(this.prefix, message.tenantId, message.conversationId);
    await this.redis
      .multi()
      .zadd(order, message.messageId, bufferEntry(message))
      .hset(payloads, bufferEntry(message), JSON.stringify(message))
      .expire(order, BUFFER_TTL_SECONDS)
      .expire(payloads, BUFFER_TTL_SECONDS)
      .exec()
      .then(throwOnFailure);
  }

  /** Every buffered message, ordered by Chatwoot's message id (oldest first); one round trip. */
  async read(tenantId: TenantId, conversationId: number): Promise<InboundMessage[]> {
    const { order, payloads } = bufferKeys(this.prefix, tenantId, conversationId);
    const results = await this.redis.multi().zrange(order, 0, '-1').hgetall(payloads).exec();
    throwOnFailure(results);
    const ids = results![0]![1] as string[];
    const byId = results![1]![1] as Record<string, string>;
    return ids.flatMap((id) => (byId[id] === undefined ? [] : [JSON.parse(byId[id]) as InboundMessage]));
  }

  /**
   * Removes exactly the given messages; messages that arrived meanwhile stay for the next turn. Returns how
   * many stayed (one round trip for both).
   */
  async remove(tenantId: TenantId, conversationId: number, messages: InboundMessage[]): Promise<number> {
    const { order, payloads } = bufferKeys(this.prefix, tenantId, conversationId);
    if (messages.length === 0) return this.redis.zcard(order);
    const entries = messages.map(bufferEntry);
    const results = await this.redis
      .multi()
      .zrem(order, ...entries)
      .hdel(payloads, ...entries)
      .zcard(order)
      .exec();
    throwOnFailure(results);
    return results![2]![1] as number;
  }

  async size(tenantId: TenantId, conversationId: number): Promise<number> {
    return this.redis.zcard(bufferKeys(this.prefix, tenantId, conversationId).order);
  }
}

function bufferEntry(message: InboundMessage): string {
  return messageIdentity(message);
}

function throwOnFailure(results: Array<[Error | null, unknown]> | null): void {
  if (results === null) throw new Error('redis transaction aborted');
  const failed = results.find(([error]) => error !== null);
  if (failed?.[0]) throw failed[0];
}
