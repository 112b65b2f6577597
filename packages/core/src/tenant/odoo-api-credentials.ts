import type { Secret } from './secret.js';
import type { TenantConfig } from './tenant.js';

/**
 * How a tenant's Odoo authenticates when it calls MCP-Crew's HTTP API: a bearer API key, an HMAC-SHA256
 * signing secret, or both. Stored encrypted with the tenant's other secrets.
 */
export interface OdooApiCredentials {
  apiKey?: Secret;
  signingSecret?: Secret;
}

/** A tenant's configuration as the stores load it: `TenantConfig` plus the credentials of its Odoo's calls. */
export type TenantConfigWithOdooApi = TenantConfig & { odooApi?: OdooApiCredentials };

/** The credentials a tenant's Odoo uses to call MCP-Crew, if any are configured. */
export function odooApiCredentials(tenant: TenantConfig): OdooApiCredentials | undefined {
  return (tenant as TenantConfigWithOdooApi).odooApi;
}
