import type { Collection } from 'mongodb';
import type {
  BusinessDataRepository,
  BusinessDataset,
  BusinessDatasetSummary,
  JsonObject,
  TenantId,
} from '@mcp-crew/core';
import { guard } from './guard.js';

export interface BusinessDataRow {
  tenantId: string;
  name: string;
  description: string;
  meta: JsonObject;
  records: JsonObject[];
  recordCount: number;
  updatedAt: string;
}

/** `business_data`, unique on (tenantId, name); every filter starts with the tenant. */
export class BusinessDataCollection implements BusinessDataRepository {
  constructor(private readonly rows: Collection<BusinessDataRow>) {}

  async get(tenant: TenantId, name: string): Promise<BusinessDataset | undefined> {
    const row = await guard(() => this.rows.findOne({ tenantId: tenant, name }, { projection: { _id: 0 } }));
    if (!row) return undefined;
    const { recordCount: _count, ...dataset } = row;
    return { ...dataset, tenantId: row.tenantId as TenantId };
  }

  async list(tenant: TenantId): Promise<BusinessDatasetSummary[]> {
    const rows = await guard(() =>
      this.rows
        .find(
          { tenantId: tenant },
          { projection: { _id: 0, name: 1, description: 1, recordCount: 1, updatedAt: 1 } },
        )
        .sort({ name: 1 })
        .toArray(),
    );
    return rows.map((r) => ({
      name: r.name,
      description: r.description,
      recordCount: r.recordCount,
      updatedAt: r.updatedAt,
    }));
  }

  async put(tenant: TenantId, dataset: Omit<BusinessDataset, 'tenantId'>): Promise<BusinessDataset> {
    const { name, description, meta, records, updatedAt } = dataset;
    await guard(() =>
      this.rows.updateOne(
        { tenantId: tenant, name },
        { $set: { description, meta, records, recordCount: records.length, updatedAt } },
        { upsert: true },
      ),
    );
    return structuredClone({ tenantId: tenant, name, description, meta, records, updatedAt });
  }

  async remove(tenant: TenantId, name: string): Promise<boolean> {
    return (await guard(() => this.rows.deleteOne({ tenantId: tenant, name }))).deletedCount > 0;
  }
}
