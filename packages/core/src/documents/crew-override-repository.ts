import type { CrewName, TenantId } from '../tenant/tenant.js';
import type { JsonObject } from './json.js';

/** A tenant's changes to one crew's definition (prompts, policy, escalation), applied over the crew file. */
export interface CrewOverride {
  tenantId: TenantId;
  crew: CrewName;
  override: JsonObject;
  updatedAt: string;
}

/** `crew_overrides`: every method takes the tenant, so an untenanted query does not compile. */
export interface CrewOverrideRepository {
  get(tenant: TenantId, crew: CrewName): Promise<CrewOverride | undefined>;
  list(tenant: TenantId): Promise<CrewOverride[]>;
  put(tenant: TenantId, crew: CrewName, override: JsonObject, at: string): Promise<CrewOverride>;
  remove(tenant: TenantId, crew: CrewName): Promise<boolean>;
}
