import { messageIdentity, tenantKeyPrefix, type InboundMessage, type TenantId } from '@mcp-crew/core';

/**
 * Where one conversation's buffered messages live: a ZSET (delivery id by message id) and a hash of payloads,
 * under the tenant's hash tag (`<prefix>:{<tenant>}:conv:<id>:inbox`) so the MULTI that writes both stays in
 * one Redis Cluster slot.
 */
export function bufferKeys(
  prefix: string,
  tenantId: TenantId,
  conversationId: number,
): { order: string; payloads: string } {
  const base = `${tenantKeyPrefix(prefix, tenantId)}conv:${conversationId}:inbox`;
  return { order: base, payloads: `${base}:messages` };
}

/**
 * BullMQ's own key prefix, `{<prefix>:bull}`: BullMQ's Redis Cluster convention of a prefix that is one hash
 * tag, so every key of every queue of this deployment shares a slot (BullMQ's scripts touch several keys of a
 * queue at once, and a dispatcher may move jobs between queues atomically). Its queues' keys carry no
 * tenant; the job payloads do.
 */
export function bullPrefix(prefix: string): string {
  return `{${prefix}:bull}`;
}

/**
 * Deduplication id of an inbound message: the message's identity (tenant, conversation, Chatwoot message id),
 * so the same message under any delivery id is accepted once. A delivery always carries one message, so this
 * also drops a repeated delivery; work items that are not messages are keyed by tenant and delivery id.
 */
export function messageDedupId(message: InboundMessage): string {
  return `message:${messageIdentity(message)}`;
}

/** Deduplication id of a conversation's turn job: one pending (plus one next) per conversation. */
export function turnDedupId(tenantId: TenantId, conversationId: number): string {
  return `turn:${tenantId}:${conversationId}`;
}

export const INBOUND_QUEUE = 'inbound';
export const TURNS_QUEUE = 'turns';

/**
 * The fair scheduler's keys (see fair-scheduler.ts): the virtual clock and each tenant's last tag in one hash,
 * each tenant's running turns in a sorted set of leases. They live under the turn queue's own BullMQ key
 * space, so wherever a cluster hash tag puts that queue, they sit in the same slot as its jobs.
 */
export function schedulerKeys(prefix: string): { clock: string; running: (tenantId: TenantId) => string } {
  const base = `${bullPrefix(prefix)}:${TURNS_QUEUE}:fair`;
  return { clock: `${base}:clock`, running: (tenantId) => `${base}:running:${tenantId}` };
}

/** A tenant's model-token buckets (one hash per tenant: minute start → tokens), under the tenant's hash tag. */
export function tokenMeterKey(prefix: string, tenantId: TenantId): string {
  return `${tenantKeyPrefix(prefix, tenantId)}model-tokens`;
}
