import {
  BUSINESS_DATASET_SCHEMAS,
  validateBusinessDataset,
  type BusinessDataRepository,
  type BusinessDataset,
  type BusinessDatasetSummary,
  type KnownDatasetName,
  type TenantId,
} from '@mcp-crew/core';
import type { z } from 'zod';

type Known<N extends KnownDatasetName> = (typeof BUSINESS_DATASET_SCHEMAS)[N];

/** A known dataset with its meta and records typed by its schema. */
export interface TypedDataset<N extends KnownDatasetName> {
  name: N;
  description: string;
  meta: z.infer<Known<N>['meta']>;
  records: Array<z.infer<Known<N>['record']>>;
  updatedAt: string;
}

/** A tenant's structured business data, checked against each dataset's schema before it is stored. */
export class BusinessDataService {
  constructor(
    private readonly repository: BusinessDataRepository,
    private readonly now: () => number = Date.now,
  ) {}

  list(tenant: TenantId): Promise<BusinessDatasetSummary[]> {
    return this.repository.list(tenant);
  }

  get(tenant: TenantId, name: string): Promise<BusinessDataset | undefined> {
    return this.repository.get(tenant, name);
  }

  /** A known dataset, parsed with its schema (so defaults apply even to data stored by older versions). */
  async getKnown<N extends KnownDatasetName>(
    tenant: TenantId,
    name: N,
  ): Promise<TypedDataset<N> | undefined> {
    const stored = await this.repository.get(tenant, name);
    if (!stored) return undefined;
    const { meta, records } = validateBusinessDataset(name, stored.meta, stored.records);
    return {
      name,
      description: stored.description,
      meta,
      records,
      updatedAt: stored.updatedAt,
    } as TypedDataset<N>;
  }

  /** Validates and stores (replacing) one dataset; `BUSINESS_DATA_INVALID` names each bad field. */
  put(
    tenant: TenantId,
    name: string,
    dataset: { description: string; meta?: unknown; records: unknown },
  ): Promise<BusinessDataset> {
    const { meta, records } = validateBusinessDataset(name, dataset.meta, dataset.records);
    const updatedAt = new Date(this.now()).toISOString();
    return this.repository.put(tenant, { name, description: dataset.description, meta, records, updatedAt });
  }

  remove(tenant: TenantId, name: string): Promise<boolean> {
    return this.repository.remove(tenant, name);
  }
}
