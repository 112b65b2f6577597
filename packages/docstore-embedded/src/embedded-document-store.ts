import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { DocumentStore } from '@mcp-crew/core';
import { AuditLogTable } from './audit-log-table.js';
import { BusinessDataTable } from './business-data-table.js';
import { CrewOverrideTable } from './crew-override-table.js';
import { SCHEMA } from './schema.js';
import { SqlDb } from './sql-db.js';
import { TenantTable } from './tenant-table.js';

export interface EmbeddedDocumentStoreOptions {
  /** libSQL URL: `file:/path/documents.db`, or `:memory:` for tests. */
  url: string;
}

/**
 * The embedded document store: one libSQL (SQLite) file on one machine, no service to run. libSQL ships
 * prebuilt N-API binaries, so it installs without a compiler; SQLite's own locking lets several processes
 * (orchestrator, MCP servers) share the file.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  readonly id = 'embedded';
  readonly tenants: TenantTable;
  readonly crewOverrides: CrewOverrideTable;
  readonly businessData: BusinessDataTable;
  readonly auditLog: AuditLogTable;
  readonly #client: Client;

  constructor(options: EmbeddedDocumentStoreOptions) {
    this.#client = createClient({ url: options.url });
    const ready = this.#client.batch(SCHEMA, 'write').then(() => undefined);
    // Surfaced by the first query; this only keeps an early failure from being an unhandled rejection.
    ready.catch(() => undefined);
    const db = new SqlDb(this.#client, ready);
    this.tenants = new TenantTable(db);
    this.crewOverrides = new CrewOverrideTable(db);
    this.businessData = new BusinessDataTable(db);
    this.auditLog = new AuditLogTable(db);
  }

  /** The store at `<dataDir>/documents.db`, creating the folder if needed. */
  static inDataDir(dataDir: string): EmbeddedDocumentStore {
    mkdirSync(dataDir, { recursive: true });
    return new EmbeddedDocumentStore({ url: `file:${join(dataDir, 'documents.db')}` });
  }

  async close(): Promise<void> {
    this.#client.close();
  }
}
