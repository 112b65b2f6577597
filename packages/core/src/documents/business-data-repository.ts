import type { TenantId } from '../tenant/tenant.js';
import type { JsonObject } from './json.js';

/**
 * A named table of structured business facts agents may read (opening hours, delivery zones, payment
 * methods, FAQ). Well-known names have a schema (see business-datasets.ts); records are checked against it
 * before they are stored.
 */
export interface BusinessDataset {
  tenantId: TenantId;
  /** snake_case, e.g. `delivery_zones`. */
  name: string;
  description: string;
  /** Facts that apply to the whole dataset (currency, timezone, notes). */
  meta: JsonObject;
  records: JsonObject[];
  updatedAt: string;
}

/** What `list` returns: enough to choose a dataset without loading its records. */
export interface BusinessDatasetSummary {
  name: string;
  description: string;
  recordCount: number;
  updatedAt: string;
}

/** `business_data`: every method takes the tenant. */
export interface BusinessDataRepository {
  get(tenant: TenantId, name: string): Promise<BusinessDataset | undefined>;
  list(tenant: TenantId): Promise<BusinessDatasetSummary[]>;
  /** Creates or replaces the dataset `dataset.name` of `tenant`. */
  put(tenant: TenantId, dataset: Omit<BusinessDataset, 'tenantId'>): Promise<BusinessDataset>;
  remove(tenant: TenantId, name: string): Promise<boolean>;
}
