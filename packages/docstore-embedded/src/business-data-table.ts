import type { Row } from '@libsql/client';
import type {
  BusinessDataRepository,
  BusinessDataset,
  BusinessDatasetSummary,
  JsonObject,
  TenantId,
} from '@mcp-crew/core';
import { parseJson, text, type SqlDb } from './sql-db.js';

export class BusinessDataTable implements BusinessDataRepository {
  constructor(private readonly db: SqlDb) {}

  async get(tenant: TenantId, name: string): Promise<BusinessDataset | undefined> {
    const [row] = await this.db.rows('SELECT * FROM business_data WHERE tenant_id = ? AND name = ?', [
      tenant,
      name,
    ]);
    return row ? toDataset(row) : undefined;
  }

  async list(tenant: TenantId): Promise<BusinessDatasetSummary[]> {
    const rows = await this.db.rows(
      'SELECT name, description, record_count, updated_at FROM business_data WHERE tenant_id = ? ORDER BY name',
      [tenant],
    );
    return rows.map((row) => ({
      name: text(row, 'name'),
      description: text(row, 'description'),
      recordCount: Number(row.record_count),
      updatedAt: text(row, 'updated_at'),
    }));
  }

  async put(tenant: TenantId, dataset: Omit<BusinessDataset, 'tenantId'>): Promise<BusinessDataset> {
    const { name, description, meta, records, updatedAt } = dataset;
    await this.db.changes(
      `INSERT INTO business_data (tenant_id, name, description, meta, records, record_count, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, name) DO UPDATE SET description = excluded.description, meta = excluded.meta,
         records = excluded.records, record_count = excluded.record_count, updated_at = excluded.updated_at`,
      [tenant, name, description, JSON.stringify(meta), JSON.stringify(records), records.length, updatedAt],
    );
    return structuredClone({ tenantId: tenant, name, description, meta, records, updatedAt });
  }

  async remove(tenant: TenantId, name: string): Promise<boolean> {
    return (
      (await this.db.changes('DELETE FROM business_data WHERE tenant_id = ? AND name = ?', [tenant, name])) >
      0
    );
  }
}

function toDataset(row: Row): BusinessDataset {
  return {
    tenantId: text(row, 'tenant_id') as TenantId,
    name: text(row, 'name'),
    description: text(row, 'description'),
    meta: parseJson<JsonObject>(row, 'meta'),
    records: parseJson<JsonObject[]>(row, 'records'),
    updatedAt: text(row, 'updated_at'),
  };
}
