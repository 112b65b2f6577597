/** Tables of the embedded store. One file holds every tenant; every row and every query names the tenant. */
export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS kb_collections (kind TEXT PRIMARY KEY, dimension INTEGER NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS kb_points (
     tenant_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
     source TEXT NOT NULL, source_hash TEXT NOT NULL, text TEXT NOT NULL, language TEXT NOT NULL,
     title TEXT, odoo_product_id INTEGER, default_code TEXT, metadata TEXT NOT NULL, vector BLOB NOT NULL,
     PRIMARY KEY (tenant_id, kind, id))`,
  `CREATE INDEX IF NOT EXISTS kb_points_source ON kb_points (tenant_id, kind, source)`,
  // Bumped on every write, so a process serving queries sees another process's ingestion.
  `CREATE TABLE IF NOT EXISTS kb_revisions (tenant_id TEXT NOT NULL, kind TEXT NOT NULL, revision INTEGER NOT NULL,
     PRIMARY KEY (tenant_id, kind))`,
];
