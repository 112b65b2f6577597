import type { ChatwootRouting, IdempotencyStore, SalesCrm, TenantConfig, TenantId } from '@mcp-crew/core';
import { HttpChatwootRouting } from '@mcp-crew/chatwoot-client';
import { GuardedOdooApi, OdooSalesCrm } from '@mcp-crew/mcp-odoo';
import { OdooClient } from '@mcp-crew/odoo-client';
import { HandoffRouter } from '@mcp-crew/pipeline';
import type { TenantBreakers } from '@mcp-crew/reliability';
import type { Logger } from 'pino';
import type { TenantChanges } from '../tenants/tenant-snapshot.js';

export interface HandoffRoutingOptions {
  records: IdempotencyStore;
  breakers: TenantBreakers;
  odooCallTimeoutMs: number;
  logger: Logger;
  /** Drops a tenant's clients when its configuration changes (or it is removed). */
  changes?: TenantChanges;
}

/**
 * The hand-over router with each tenant's Chatwoot routing client (bot token for assignments, the
 * administrator token for reads) and its Odoo CRM side, each made once per tenant and remade when the
 * tenant's connection changes (admin API).
 */
export function createHandoffRouter(options: HandoffRoutingOptions): HandoffRouter {
  const routings = new Map<TenantId, { key: string; routing: ChatwootRouting }>();
  const crms = new Map<TenantId, { key: string; crm: SalesCrm }>();
  options.changes?.onChange((id) => {
    routings.delete(id);
    crms.delete(id);
  });
  return new HandoffRouter({
    records: options.records,
    logger: options.logger,
    routing: (tenant) => {
      const { baseUrl, botToken, agentToken } = tenant.chatwoot;
      if (!baseUrl || !botToken) return undefined;
      const key = JSON.stringify([baseUrl, botToken.reveal(), agentToken?.reveal() ?? null]);
      let found = routings.get(tenant.id);
      if (found?.key !== key) {
        found = {
          key,
          routing: new HttpChatwootRouting({ baseUrl, botToken, ...(agentToken ? { agentToken } : {}) }),
        };
        routings.set(tenant.id, found);
      }
      return found.routing;
    },
    crm: (tenant) => crmOf(tenant, crms, options),
  });
}

function crmOf(
  tenant: TenantConfig,
  crms: Map<TenantId, { key: string; crm: SalesCrm }>,
  options: HandoffRoutingOptions,
): SalesCrm | undefined {
  const odoo = tenant.odoo;
  if (!odoo || !/^https?:\/\//.test(odoo.url)) return undefined;
  const key = JSON.stringify([odoo.url, odoo.db, odoo.user, odoo.apiKey.reveal(), odoo.protocol ?? null]);
  let found = crms.get(tenant.id);
  if (found?.key !== key) {
    const client = new OdooClient({
      url: odoo.url,
      db: odoo.db,
      user: odoo.user,
      apiKey: odoo.apiKey,
      protocol: odoo.protocol,
      tenant: tenant.id,
    });
    // Behind the tenant's breaker and per-call timeout, like the specialists' Odoo calls.
    const api = new GuardedOdooApi(client, {
      tenantId: tenant.id,
      breakers: options.breakers,
      callTimeoutMs: options.odooCallTimeoutMs,
    });
    found = { key, crm: new OdooSalesCrm(api) };
    crms.set(tenant.id, found);
  }
  return found.crm;
}
