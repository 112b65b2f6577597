import { ObjectId, type Collection, type Filter } from 'mongodb';
import {
  auditLimit,
  type AuditEntry,
  type AuditLogRepository,
  type AuditQuery,
  type NewAuditEntry,
  type TenantId,
} from '@mcp-crew/core';
import { guard } from './guard.js';

/** An audit entry as stored; `_id` (an ObjectId) also orders entries that share a time by arrival. */
export type AuditRow = Omit<AuditEntry, 'id' | 'tenantId'> & { _id: ObjectId; tenantId: string };

/** `audit_log`: append-only; every filter starts with the tenant. */
export class AuditLogCollection implements AuditLogRepository {
  constructor(private readonly rows: Collection<AuditRow>) {}

  async append(tenant: TenantId, entry: NewAuditEntry): Promise<AuditEntry> {
    const row: AuditRow = { ...structuredClone(entry), _id: new ObjectId(), tenantId: tenant };
    await guard(() => this.rows.insertOne(row));
    return toEntry(row);
  }

  async list(tenant: TenantId, query: AuditQuery = {}): Promise<AuditEntry[]> {
    const filter: Filter<AuditRow> = { tenantId: tenant };
    if (query.kind !== undefined) filter.kind = query.kind;
    if (query.conversationId !== undefined) filter.conversationId = query.conversationId;
    if (query.contactId !== undefined) filter.contactId = query.contactId;
    if (query.since !== undefined) filter.at = { $gte: query.since };
    const rows = await guard(() =>
      this.rows.find(filter).sort({ at: -1, _id: -1 }).limit(auditLimit(query)).toArray(),
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: AuditRow): AuditEntry {
  const { _id, tenantId, ...rest } = row;
  return { ...structuredClone(rest), id: _id.toHexString(), tenantId: tenantId as TenantId };
}
