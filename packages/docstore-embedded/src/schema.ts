/** Tables of the embedded document store. One file holds every tenant; every tenant-scoped row and query names it. */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, config TEXT NOT NULL, revision INTEGER NOT NULL,
     created_at TEXT NOT NULL, updated_at TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS crew_overrides (tenant_id TEXT NOT NULL, crew TEXT NOT NULL, override TEXT NOT NULL,
     updated_at TEXT NOT NULL, PRIMARY KEY (tenant_id, crew))`,
  `CREATE TABLE IF NOT EXISTS business_data (tenant_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
     meta TEXT NOT NULL, records TEXT NOT NULL, record_count INTEGER NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (tenant_id, name))`,
  // seq orders entries with the same time by arrival; the entry itself is kept as JSON.
  `CREATE TABLE IF NOT EXISTS audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
     tenant_id TEXT NOT NULL, kind TEXT NOT NULL, conversation_id INTEGER, contact_id INTEGER, at TEXT NOT NULL,
     entry TEXT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS audit_log_tenant_at ON audit_log (tenant_id, at)`,
  `CREATE INDEX IF NOT EXISTS audit_log_tenant_contact ON audit_log (tenant_id, contact_id, at)`,
  `CREATE INDEX IF NOT EXISTS audit_log_tenant_conversation ON audit_log (tenant_id, conversation_id, at)`,
];
