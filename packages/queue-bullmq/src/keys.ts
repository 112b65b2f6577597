import type { TenantId } from '@mcp-crew/core';

/** Where one conversation's buffered messages live: a ZSET (delivery id by message id) and a hash of payloads. */
export function bufferKeys(prefix: string, tenantId: TenantId, conversationId: number): { order: string; payloads: string } {
  const base = `${prefix}:${tenantId}:conv:${conversationId}:inbox`;
  return { order: base, payloads: `${base}:messages` };
}

/** BullMQ's own key prefix (its queues' keys carry no tenant; the job payloads do). */
export function bullPrefix(prefix: string): string {
  return `${prefix}:bull`;
}

/** Deduplication id of a webhook delivery: scoped by tenant, so two tenants never collide. */
export function deliveryDedupId(tenantId: TenantId, deliveryId: string): string {
  return `delivery:${tenantId}:${deliveryId}`;
}

/** Deduplication id of a conversation's turn job: one pending (plus one next) per conversation. */
export function turnDedupId(tenantId: TenantId, conversationId: number): string {
  return `turn:${tenantId}:${conversationId}`;
}

export const INBOUND_QUEUE = 'inbound';
export const TURNS_QUEUE = 'turns';
