import { randomUUID } from 'node:crypto';
import type { InValue } from '@libsql/client';
import {
  auditLimit,
  type AuditEntry,
  type AuditLogRepository,
  type AuditQuery,
  type NewAuditEntry,
  type TenantId,
} from '@mcp-crew/core';
import { parseJson, type SqlDb } from './sql-db.js';

export class AuditLogTable implements AuditLogRepository {
  constructor(private readonly db: SqlDb) {}

  async append(tenant: TenantId, entry: NewAuditEntry): Promise<AuditEntry> {
    const stored: AuditEntry = { ...structuredClone(entry), id: randomUUID(), tenantId: tenant };
    await this.db.changes(
      `INSERT INTO audit_log (id, tenant_id, kind, conversation_id, contact_id, at, entry) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        stored.id,
        tenant,
        entry.kind,
        entry.conversationId ?? null,
        entry.contactId ?? null,
        entry.at,
        JSON.stringify(stored),
      ],
    );
    return structuredClone(stored);
  }

  async list(tenant: TenantId, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const filters: Array<[string, InValue | undefined]> = [
      ['kind = ?', query.kind],
      ['conversation_id = ?', query.conversationId],
      ['contact_id = ?', query.contactId],
      ['at >= ?', query.since],
    ];
    const used = filters.filter((f): f is [string, InValue] => f[1] !== undefined);
    const where = ['tenant_id = ?', ...used.map(([clause]) => clause)];
    const args: InValue[] = [tenant, ...used.map(([, value]) => value)];
    args.push(auditLimit(query));
    const rows = await this.db.rows(
      `SELECT entry FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at DESC, seq DESC LIMIT ?`,
      args,
    );
    return rows.map((row) => parseJson<AuditEntry>(row, 'entry'));
  }
}
