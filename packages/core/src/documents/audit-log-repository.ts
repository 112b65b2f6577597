import type { TenantId } from '../tenant/tenant.js';
import type { JsonValue } from './json.js';

/** What an audit entry records: a write in Odoo, a handoff to a human, or a configuration change. */
export const AUDIT_KINDS = ['odoo_write', 'handoff', 'config_change'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** One thing the system did on a tenant's behalf. Arguments and results never hold secrets. */
export interface AuditEntry {
  /** Assigned by the store. */
  id: string;
  tenantId: TenantId;
  kind: AuditKind;
  /** Chatwoot conversation (display id) the action belongs to, when there is one. */
  conversationId?: number;
  /** Chatwoot contact the action was for, when known (lets agents see a customer's history). */
  contactId?: number;
  /** Tool or operation, e.g. `odoo_create_quotation`, `chatwoot_handoff_to_human`, `tenant.update`. */
  tool: string;
  arguments: JsonValue;
  outcome: 'ok' | 'error';
  result?: JsonValue;
  error?: string;
  durationMs?: number;
  /** ISO 8601 time of the action. */
  at: string;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'tenantId'>;

export interface AuditQuery {
  kind?: AuditKind;
  conversationId?: number;
  contactId?: number;
  /** Only entries at or after this ISO time. */
  since?: string;
  /** Newest first; default 50, at most 500. */
  limit?: number;
}

/** `audit_log`: append-only; every method takes the tenant. */
export interface AuditLogRepository {
  append(tenant: TenantId, entry: NewAuditEntry): Promise<AuditEntry>;
  /** Entries matching `query`, newest first (ties: last appended first). */
  list(tenant: TenantId, query?: AuditQuery): Promise<AuditEntry[]>;
}

export const AUDIT_DEFAULT_LIMIT = 50;
export const AUDIT_MAX_LIMIT = 500;

/** The limit a store applies to `query.limit`. */
export function auditLimit(query: AuditQuery | undefined): number {
  const wanted = query?.limit ?? AUDIT_DEFAULT_LIMIT;
  return Math.max(1, Math.min(AUDIT_MAX_LIMIT, Math.floor(wanted)));
}
