import type { Collection } from 'mongodb';
import type { CrewName, CrewOverride, CrewOverrideRepository, JsonObject, TenantId } from '@mcp-crew/core';
import { guard } from './guard.js';

export interface CrewOverrideRow {
  tenantId: string;
  crew: string;
  override: JsonObject;
  updatedAt: string;
}

/** `crew_overrides`, unique on (tenantId, crew); every filter starts with the tenant. */
export class CrewOverrideCollection implements CrewOverrideRepository {
  constructor(private readonly rows: Collection<CrewOverrideRow>) {}

  async get(tenant: TenantId, crew: CrewName): Promise<CrewOverride | undefined> {
    const row = await guard(() => this.rows.findOne({ tenantId: tenant, crew }, { projection: { _id: 0 } }));
    return row ? toOverride(row) : undefined;
  }

  async list(tenant: TenantId): Promise<CrewOverride[]> {
    const rows = await guard(() =>
      this.rows
        .find({ tenantId: tenant }, { projection: { _id: 0 } })
        .sort({ crew: 1 })
        .toArray(),
    );
    return rows.map(toOverride);
  }

  async put(tenant: TenantId, crew: CrewName, override: JsonObject, at: string): Promise<CrewOverride> {
    await guard(() =>
      this.rows.updateOne(
        { tenantId: tenant, crew },
        { $set: { override, updatedAt: at } },
        { upsert: true },
      ),
    );
    return { tenantId: tenant, crew, override: structuredClone(override), updatedAt: at };
  }

  async remove(tenant: TenantId, crew: CrewName): Promise<boolean> {
    return (await guard(() => this.rows.deleteOne({ tenantId: tenant, crew }))).deletedCount > 0;
  }
}

function toOverride(row: CrewOverrideRow): CrewOverride {
  return {
    tenantId: row.tenantId as TenantId,
    crew: row.crew as CrewName,
    override: row.override,
    updatedAt: row.updatedAt,
  };
}
