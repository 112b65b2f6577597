import type { TenantId } from '../tenant/tenant.js';
import type { JsonObject } from './json.js';

/**
 * A tenant's stored configuration. `config` is the tenants-file entry shape with every secret already
 * sealed (encrypted) by the tenant store: the document store never sees a plain credential.
 */
export interface TenantDocument {
  id: TenantId;
  config: JsonObject;
  /** Starts at 1 and grows by one on every update; updates name the revision they read (optimistic lock). */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The operator-level `tenants` collection. It is the one collection not scoped to a tenant: it is the list
 * of tenants itself, so only the operator's services (tenant store, admin API) may hold it.
 */
export interface TenantRepository {
  get(id: TenantId): Promise<TenantDocument | undefined>;
  list(): Promise<TenantDocument[]>;
  /** Stores a new tenant at revision 1; `DOCUMENT_CONFLICT` when the id is taken. */
  create(id: TenantId, config: JsonObject, at: string): Promise<TenantDocument>;
  /**
   * Replaces the configuration when the stored revision is still `expectedRevision`, returning the new
   * document; `DOCUMENT_CONFLICT` when someone wrote in between, `DOCUMENT_NOT_FOUND` when it is gone.
   */
  replace(id: TenantId, config: JsonObject, expectedRevision: number, at: string): Promise<TenantDocument>;
  /** True when something was removed. */
  remove(id: TenantId): Promise<boolean>;
}
