import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  businessHoursFromDataset,
  type BusinessHours,
  type BusinessHoursSource,
  type TenantId,
} from '@mcp-crew/core';
import type { BusinessDataService } from './business-data-service.js';
import { seedBusinessDataFromFile } from './seed-business-data.js';

/**
 * Business hours from each tenant's `opening_hours` dataset (weekly intervals, time zone, holidays), read on
 * every call so a change through the admin API counts from the next turn.
 */
export class DatasetBusinessHours implements BusinessHoursSource {
  constructor(private readonly business: BusinessDataService) {}

  async forTenant(tenant: TenantId): Promise<BusinessHours | undefined> {
    const dataset = await this.business.getKnown(tenant, 'opening_hours');
    return dataset ? businessHoursFromDataset(dataset.meta, dataset.records) : undefined;
  }
}

/**
 * Seeds each tenant that has no business data yet from `<dir>/<tenant>.yaml` (when that file exists), so the
 * demo tenant starts with its opening hours; a tenant with datasets keeps them (edits survive a restart).
 */
export async function seedMissingBusinessData(
  business: BusinessDataService,
  tenants: readonly TenantId[],
  dir: string,
): Promise<Record<string, string[]>> {
  const seeded: Record<string, string[]> = {};
  for (const tenant of tenants) {
    const file = join(dir, `${tenant}.yaml`);
    if (!existsSync(file) || (await business.list(tenant)).length > 0) continue;
    seeded[tenant] = await seedBusinessDataFromFile(business, tenant, file);
  }
  return seeded;
}
