import type { Row } from '@libsql/client';
import {
  documentConflict,
  documentNotFound,
  type JsonObject,
  type TenantDocument,
  type TenantId,
  type TenantRepository,
} from '@mcp-crew/core';
import { parseJson, text, type SqlDb } from './sql-db.js';

/** The operator-level `tenants` table. */
export class TenantTable implements TenantRepository {
  constructor(private readonly db: SqlDb) {}

  async get(id: TenantId): Promise<TenantDocument | undefined> {
    const [row] = await this.db.rows('SELECT * FROM tenants WHERE id = ?', [id]);
    return row ? toDocument(row) : undefined;
  }

  async list(): Promise<TenantDocument[]> {
    return (await this.db.rows('SELECT * FROM tenants ORDER BY id')).map(toDocument);
  }

  async create(id: TenantId, config: JsonObject, at: string): Promise<TenantDocument> {
    const inserted = await this.db.changes(
      'INSERT INTO tenants (id, config, revision, created_at, updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT (id) DO NOTHING',
      [id, JSON.stringify(config), at, at],
    );
    if (inserted === 0) throw documentConflict(`tenant "${id}" already exists`, { tenant: id });
    return { id, config: structuredClone(config), revision: 1, createdAt: at, updatedAt: at };
  }

  async replace(
    id: TenantId,
    config: JsonObject,
    expectedRevision: number,
    at: string,
  ): Promise<TenantDocument> {
    // The revision in the WHERE clause makes this a compare-and-set: a concurrent writer makes it match nothing.
    const updated = await this.db.changes(
      'UPDATE tenants SET config = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?',
      [JSON.stringify(config), at, id, expectedRevision],
    );
    if (updated === 0) {
      if (!(await this.get(id))) throw documentNotFound(`tenant "${id}" does not exist`, { tenant: id });
      throw documentConflict(`tenant "${id}" changed since revision ${expectedRevision}; read it again`, {
        tenant: id,
        expectedRevision,
      });
    }
    const stored = await this.get(id);
    if (!stored) throw documentNotFound(`tenant "${id}" does not exist`, { tenant: id });
    return stored;
  }

  async remove(id: TenantId): Promise<boolean> {
    return (await this.db.changes('DELETE FROM tenants WHERE id = ?', [id])) > 0;
  }
}

function toDocument(row: Row): TenantDocument {
  return {
    id: text(row, 'id') as TenantId,
    config: parseJson<JsonObject>(row, 'config'),
    revision: Number(row.revision),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  };
}
