import { Inject, Injectable } from '@nestjs/common';
import {
  businessHoursDocument,
  CrewError,
  openingHoursDataset,
  type BusinessDataset,
  type JsonObject,
  type ParsedBusinessHoursDocument,
  type TenantId,
} from '@mcp-crew/core';
import type { BusinessDataService, TenantStore } from '@mcp-crew/tenant-store';
import type { Logger } from 'pino';
import { BUSINESS_DATA, LOGGER, TENANT_STORE } from '../runtime/providers.js';
import { tenantsReadOnly } from './admin-errors.js';
import type { BusinessDataBody } from './admin-schemas.js';
import { TenantAdminService } from './tenant-admin.service.js';

const HOURS = 'opening_hours';
const HOURS_DESCRIPTION = 'Opening hours';

/** A stored dataset as the admin API shows it. */
export type DatasetView = Omit<BusinessDataset, 'name' | 'tenantId'>;

/**
 * A tenant's business data (opening hours, delivery zones, payment methods, FAQ, free-form datasets) in the
 * store the out-of-hours logic and MCP-MongoDB's business tools read on every call, so a change counts from
 * the next turn.
 * Editable only where the tenants are (a document store), like the tenant settings.
 */
@Injectable()
export class BusinessAdminService {
  constructor(
    @Inject(TenantAdminService) private readonly admin: TenantAdminService,
    @Inject(BUSINESS_DATA) private readonly business: BusinessDataService,
    @Inject(TENANT_STORE) private readonly store: TenantStore | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async hours(id: TenantId) {
    await this.admin.config(id);
    const dataset = await this.business.getKnown(id, HOURS);
    if (!dataset)
      throw new CrewError('BUSINESS_HOURS_NOT_SET', `tenant "${id}" has no business hours yet`, {
        domain: 'admin',
        category: 'user',
        details: { tenant: id },
      });
    return {
      tenant: id,
      ...businessHoursDocument(dataset.meta, dataset.records),
      updatedAt: dataset.updatedAt,
    };
  }

  /** Replaces the weekly hours, time zone and holidays; notes and `closedOnHolidays` stay unless given. */
  async setHours(id: TenantId, body: ParsedBusinessHoursDocument) {
    await this.#writable(id);
    const previous = await this.business.getKnown(id, HOURS);
    await this.business.put(id, HOURS, {
      description: previous?.description ?? HOURS_DESCRIPTION,
      ...openingHoursDataset(body, previous?.meta),
    });
    this.logger.info({ tenant: id, dataset: HOURS }, 'business hours changed');
    return this.hours(id);
  }

  async data(id: TenantId): Promise<{ tenant: string; datasets: Record<string, DatasetView> }> {
    await this.admin.config(id);
    const names = (await this.business.list(id)).map((d) => d.name).sort();
    const datasets: Record<string, DatasetView> = {};
    for (const name of names) {
      const stored = await this.business.get(id, name);
      if (stored) datasets[name] = view(stored);
    }
    return { tenant: id, datasets };
  }

  /** Replaces each named dataset (`null` removes one); datasets not named stay as they are. */
  async setData(id: TenantId, body: BusinessDataBody) {
    await this.#writable(id);
    const entries = Object.entries(body.datasets);
    for (const [name, dataset] of entries) {
      if (dataset === null) await this.business.remove(id, name);
      else
        await this.business.put(id, name, {
          description: dataset.description,
          meta: dataset.meta as JsonObject | undefined,
          records: dataset.records,
        });
    }
    this.logger.info({ tenant: id, datasets: entries.map(([name]) => name) }, 'business data changed');
    return this.data(id);
  }

  async #writable(id: TenantId): Promise<void> {
    await this.admin.config(id);
    if (!this.store) throw tenantsReadOnly();
  }
}

function view(dataset: BusinessDataset): DatasetView {
  return {
    description: dataset.description,
    meta: dataset.meta,
    records: dataset.records,
    updatedAt: dataset.updatedAt,
  };
}
