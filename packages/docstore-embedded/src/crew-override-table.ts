import type { Row } from '@libsql/client';
import type { CrewName, CrewOverride, CrewOverrideRepository, JsonObject, TenantId } from '@mcp-crew/core';
import { parseJson, text, type SqlDb } from './sql-db.js';

export class CrewOverrideTable implements CrewOverrideRepository {
  constructor(private readonly db: SqlDb) {}

  async get(tenant: TenantId, crew: CrewName): Promise<CrewOverride | undefined> {
    const [row] = await this.db.rows('SELECT * FROM crew_overrides WHERE tenant_id = ? AND crew = ?', [
      tenant,
      crew,
    ]);
    return row ? toOverride(row) : undefined;
  }

  async list(tenant: TenantId): Promise<CrewOverride[]> {
    return (
      await this.db.rows('SELECT * FROM crew_overrides WHERE tenant_id = ? ORDER BY crew', [tenant])
    ).map(toOverride);
  }

  async put(tenant: TenantId, crew: CrewName, override: JsonObject, at: string): Promise<CrewOverride> {
    await this.db.changes(
      `INSERT INTO crew_overrides (tenant_id, crew, override, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant_id, crew) DO UPDATE SET override = excluded.override, updated_at = excluded.updated_at`,
      [tenant, crew, JSON.stringify(override), at],
    );
    return { tenantId: tenant, crew, override: structuredClone(override), updatedAt: at };
  }

  async remove(tenant: TenantId, crew: CrewName): Promise<boolean> {
    return (
      (await this.db.changes('DELETE FROM crew_overrides WHERE tenant_id = ? AND crew = ?', [tenant, crew])) >
      0
    );
  }
}

function toOverride(row: Row): CrewOverride {
  return {
    tenantId: text(row, 'tenant_id') as TenantId,
    crew: text(row, 'crew') as CrewName,
    override: parseJson<JsonObject>(row, 'override'),
    updatedAt: text(row, 'updated_at'),
  };
}
