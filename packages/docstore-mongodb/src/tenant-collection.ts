import type { Collection } from 'mongodb';
import {
  documentConflict,
  documentNotFound,
  type JsonObject,
  type TenantDocument,
  type TenantId,
  type TenantRepository,
} from '@mcp-crew/core';
import { guard, isDuplicateKey } from './guard.js';

/** `_id` is the tenant id: unique and indexed by MongoDB itself. */
export interface TenantRow {
  _id: string;
  config: JsonObject;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** The operator-level `tenants` collection. */
export class TenantCollection implements TenantRepository {
  constructor(private readonly rows: Collection<TenantRow>) {}

  async get(id: TenantId): Promise<TenantDocument | undefined> {
    const row = await guard(() => this.rows.findOne({ _id: id }));
    return row ? toDocument(row) : undefined;
  }

  async list(): Promise<TenantDocument[]> {
    return (await guard(() => this.rows.find({}).sort({ _id: 1 }).toArray())).map(toDocument);
  }

  async create(id: TenantId, config: JsonObject, at: string): Promise<TenantDocument> {
    const row: TenantRow = {
      _id: id,
      config: structuredClone(config),
      revision: 1,
      createdAt: at,
      updatedAt: at,
    };
    try {
      await this.rows.insertOne(row);
    } catch (error) {
      if (isDuplicateKey(error)) throw documentConflict(`tenant "${id}" already exists`, { tenant: id });
      return guard(() => Promise.reject(error));
    }
    return toDocument(row);
  }

  async replace(
    id: TenantId,
    config: JsonObject,
    expectedRevision: number,
    at: string,
  ): Promise<TenantDocument> {
    // Matching on the revision makes this a compare-and-set: a concurrent writer makes it match nothing.
    const row = await guard(() =>
      this.rows.findOneAndUpdate(
        { _id: id, revision: expectedRevision },
        { $set: { config, updatedAt: at }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      ),
    );
    if (row) return toDocument(row);
    if (!(await this.get(id))) throw documentNotFound(`tenant "${id}" does not exist`, { tenant: id });
    throw documentConflict(`tenant "${id}" changed since revision ${expectedRevision}; read it again`, {
      tenant: id,
      expectedRevision,
    });
  }

  async remove(id: TenantId): Promise<boolean> {
    return (await guard(() => this.rows.deleteOne({ _id: id }))).deletedCount > 0;
  }
}

function toDocument(row: TenantRow): TenantDocument {
  return {
    id: row._id as TenantId,
    config: structuredClone(row.config),
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
