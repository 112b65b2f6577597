import type { AuditEntry, AuditLogRepository, TenantId } from '@mcp-crew/core';

export interface HandoffRecord {
  conversationId: number;
  contactId?: number;
  reason: string;
  labels?: string[];
  /** Defaults to now. */
  at?: string;
}

/** Records that a conversation went to a human (kind `handoff`), for the audit log and the contact's history. */
export function recordHandoff(
  auditLog: AuditLogRepository,
  tenant: TenantId,
  handoff: HandoffRecord,
): Promise<AuditEntry> {
  return auditLog.append(tenant, {
    kind: 'handoff',
    tool: 'chatwoot_handoff_to_human',
    arguments: { reason: handoff.reason, labels: handoff.labels ?? [] },
    outcome: 'ok',
    at: handoff.at ?? new Date().toISOString(),
    conversationId: handoff.conversationId,
    ...(handoff.contactId !== undefined ? { contactId: handoff.contactId } : {}),
  });
}
