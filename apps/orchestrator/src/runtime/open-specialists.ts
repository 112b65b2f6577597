import { resolve } from 'node:path';
import { createDefaultSpecialists, type AgentSpecialistRegistry } from '@mcp-crew/agents';
import type { Settings } from '@mcp-crew/config';
import { cacheFor, type CacheStore, type IdempotencyStore, type TenantConfig } from '@mcp-crew/core';
import { CachedOdooApi, GuardedOdooApi } from '@mcp-crew/mcp-odoo';
import type { TenantBreakers } from '@mcp-crew/reliability';
import type { Logger } from 'pino';
import { openKnowledge, type Knowledge } from './knowledge.js';

export interface OpenSpecialistsOptions {
  settings: Pick<Settings, 'DATA_DIR' | 'COLLECTIONS_DIR'>;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  tenants: TenantConfig[];
  /** The tenant cache's store: every tenant's Odoo reads go through it. */
  cacheStore: CacheStore;
  /** Idempotent Odoo writes, per-tenant breakers and per-call timeouts (the main job; `crew chat` runs without). */
  reliability?: { idempotency: IdempotencyStore; breakers: TenantBreakers; odooCallTimeoutMs: number };
}

export interface OpenedSpecialists {
  specialists: AgentSpecialistRegistry;
  knowledge: Knowledge;
  /** Closes the specialists' MCP clients, then the knowledge store (not the cache store: its opener owns it). */
  close(): Promise<void>;
}

/**
 * The default specialists exactly as the main job runs them: the tenants' knowledge (search_knowledge over
 * MCP, demo collections ingested), MCP-Odoo behind the tenant cache, the model from the environment.
 * `crew serve` and `crew chat` both compose through here, so a chat session behaves like the bot.
 */
export async function openSpecialists(options: OpenSpecialistsOptions): Promise<OpenedSpecialists> {
  const { settings, env, logger, cacheStore, reliability } = options;
  const knowledge = await openKnowledge({ dataDir: settings.DATA_DIR, collectionsDir: resolve(settings.COLLECTIONS_DIR), env, tenants: options.tenants, logger });
  const specialists = createDefaultSpecialists({
    env,
    logger,
    extraClients: async (tenant) => [await knowledge.clientFor(tenant)],
    // The breaker and timeouts sit under the cache: a cache hit is no Odoo call.
    wrapOdoo: (tenant, api) => {
      const guarded = reliability ? new GuardedOdooApi(api, { tenantId: tenant.id, breakers: reliability.breakers, callTimeoutMs: reliability.odooCallTimeoutMs }) : api;
      return new CachedOdooApi(guarded, cacheFor(cacheStore, tenant.id));
    },
    ...(reliability ? { idempotency: reliability.idempotency, breakers: reliability.breakers } : {}),
  });
  return {
    specialists,
    knowledge,
    close: async () => {
      await specialists.close();
      await knowledge.close();
    },
  };
}
