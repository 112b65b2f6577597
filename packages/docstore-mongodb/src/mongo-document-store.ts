import { MongoClient, type Db } from 'mongodb';
import type { DocumentStore } from '@mcp-crew/core';
import { AuditLogCollection, type AuditRow } from './audit-log-collection.js';
import { BusinessDataCollection, type BusinessDataRow } from './business-data-collection.js';
import { CrewOverrideCollection, type CrewOverrideRow } from './crew-override-collection.js';
import { guard } from './guard.js';
import { TenantCollection, type TenantRow } from './tenant-collection.js';

export interface MongoDocumentStoreOptions {
  /** `mongodb://...`; never logged (it may hold a password). */
  url: string;
  /** Database name; defaults to the one in the URL (the driver's own default otherwise). */
  dbName?: string;
  /** How long to look for a server before failing (ms, default 5000). */
  serverSelectionTimeoutMS?: number;
}

/**
 * The production document store over the official MongoDB driver. Every tenant-scoped document holds
 * `tenantId`, every compound index starts with it, and every query filters by it.
 */
export class MongoDocumentStore implements DocumentStore {
  readonly id = 'mongodb';
  readonly tenants: TenantCollection;
  readonly crewOverrides: CrewOverrideCollection;
  readonly businessData: BusinessDataCollection;
  readonly auditLog: AuditLogCollection;

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
  ) {
    this.tenants = new TenantCollection(db.collection<TenantRow>('tenants'));
    this.crewOverrides = new CrewOverrideCollection(db.collection<CrewOverrideRow>('crew_overrides'));
    this.businessData = new BusinessDataCollection(db.collection<BusinessDataRow>('business_data'));
    this.auditLog = new AuditLogCollection(db.collection<AuditRow>('audit_log'));
  }

  /** Connects and makes sure the indexes exist (idempotent). */
  static async connect(options: MongoDocumentStoreOptions): Promise<MongoDocumentStore> {
    // ignoreUndefined: optional fields that are absent stay absent instead of being stored as null.
    const client = new MongoClient(options.url, {
      ignoreUndefined: true,
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
    });
    await guard(() => client.connect());
    const store = new MongoDocumentStore(client, client.db(options.dbName ?? client.options.dbName));
    try {
      await store.ensureIndexes();
    } catch (error) {
      await client.close();
      throw error;
    }
    return store;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async ensureIndexes(): Promise<void> {
    await guard(() =>
      Promise.all([
        this.db.collection('crew_overrides').createIndex({ tenantId: 1, crew: 1 }, { unique: true }),
        this.db.collection('business_data').createIndex({ tenantId: 1, name: 1 }, { unique: true }),
        this.db.collection('audit_log').createIndex({ tenantId: 1, at: -1, _id: -1 }),
        this.db.collection('audit_log').createIndex({ tenantId: 1, contactId: 1, at: -1 }),
        this.db.collection('audit_log').createIndex({ tenantId: 1, conversationId: 1, at: -1 }),
      ]),
    );
  }
}
