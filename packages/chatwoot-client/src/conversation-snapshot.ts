import type { ConversationSnapshot, ConversationStatus } from '@mcp-crew/core';

/** The fields of Chatwoot's conversation JSON (`GET /conversations/:id`) that the bot reads. */
export interface ChatwootConversationJson {
  id: number;
  status: string;
  labels?: string[] | null;
  custom_attributes?: Record<string, unknown> | null;
  inbox_id: number;
  meta?: { channel?: string | null } | null;
}

const STATUSES: readonly ConversationStatus[] = ['open', 'pending', 'resolved', 'snoozed'];

/** Maps Chatwoot's conversation JSON to the domain's snapshot. */
export function toConversationSnapshot(json: ChatwootConversationJson): ConversationSnapshot {
  const status = STATUSES.includes(json.status as ConversationStatus)
    ? (json.status as ConversationStatus)
    : 'open';
  const snapshot: ConversationSnapshot = {
    id: json.id,
    status,
    labels: [...(json.labels ?? [])],
    customAttributes: { ...(json.custom_attributes ?? {}) },
    inboxId: json.inbox_id,
  };
  if (json.meta?.channel) snapshot.channel = json.meta.channel;
  return snapshot;
}
