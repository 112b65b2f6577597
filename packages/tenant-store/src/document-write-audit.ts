import { tenantId, type AuditLogRepository, type JsonValue } from '@mcp-crew/core';
import type { WriteAudit, WriteRecord } from '@mcp-crew/mcp-odoo';

/** The conversation a write belongs to, when the caller knows it. */
export interface AuditContext {
  conversationId?: number;
  contactId?: number;
}

/** MCP-Odoo's write audit, kept in the document store's `audit_log` (kind `odoo_write`). */
export class DocumentWriteAudit implements WriteAudit {
  constructor(
    private readonly auditLog: AuditLogRepository,
    private readonly context: AuditContext = {},
  ) {}

  /** The same audit, with every entry tied to one conversation and contact. */
  forConversation(context: AuditContext): DocumentWriteAudit {
    return new DocumentWriteAudit(this.auditLog, context);
  }

  async record(entry: WriteRecord): Promise<void> {
    await this.auditLog.append(tenantId(entry.tenantId), {
      kind: 'odoo_write',
      tool: entry.tool,
      arguments: toJson(entry.arguments) ?? null,
      outcome: entry.outcome,
      ...(entry.result !== undefined ? { result: toJson(entry.result) ?? null } : {}),
      ...(entry.error !== undefined ? { error: entry.error } : {}),
      durationMs: entry.durationMs,
      at: entry.at,
      ...this.context,
    });
  }
}

/** What a JSON round trip keeps (drops undefined and functions, turns dates into strings). */
export function toJson(value: unknown): JsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonValue);
}
