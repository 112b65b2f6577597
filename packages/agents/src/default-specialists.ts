import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LogWriteAudit, type AuditLogger, type OdooApi } from '@mcp-crew/mcp-odoo';
import type { IdempotencyStore, TenantConfig } from '@mcp-crew/core';
import type { TenantBreakers } from '@mcp-crew/reliability';
import { createOfflineEngine } from './engine/offline-engine.js';
import { modelFromEnv, tokenBudgetFromEnv, type ModelEnv } from './model/model-from-env.js';
import { AgentSpecialistRegistry } from './specialists/agent-registry.js';
import { InProcessTenantTools } from './tools/tenant-tools.js';

export interface DefaultSpecialistsOptions {
  env: ModelEnv;
  logger: AuditLogger & { warn(obj: object, msg: string): void; debug?(obj: object, msg: string): void };
  /** More MCP clients per tenant (knowledge search, ...). */
  extraClients?: (tenant: TenantConfig) => Promise<Client[]>;
  /** Wraps each tenant's Odoo client (the tenant cache in front of reads). */
  wrapOdoo?: (tenant: TenantConfig, api: OdooApi) => OdooApi;
  /** Where MCP-Odoo records write results under their idempotency keys. */
  idempotency?: IdempotencyStore;
  /** Per-tenant circuit breakers on the model endpoint. */
  breakers?: TenantBreakers;
}

/**
 * The main job's specialists: Mastra agents on the offline engine (or OpenAI when OPENAI_API_KEY is set,
 * with the engine as its fallback), MCP-Odoo in-process per tenant, Odoo writes in the log as audit.
 */
export function createDefaultSpecialists(options: DefaultSpecialistsOptions): AgentSpecialistRegistry {
  const { logger } = options;
  const offline = createOfflineEngine();
  const model = modelFromEnv(
    options.env,
    (error) => logger.warn({ error: error instanceof Error ? error.message : 'unknown' }, 'language model failed; the offline engine answered this step'),
    offline,
    options.breakers,
  );
  // The budget only matters when a hosted model spends tokens; the offline engine alone has none to count.
  const hosted = model !== offline;
  return new AgentSpecialistRegistry({
    tools: new InProcessTenantTools({ audit: new LogWriteAudit(logger), extraClients: options.extraClients, wrapOdoo: options.wrapOdoo, ...(options.idempotency ? { idempotency: options.idempotency } : {}) }),
    model: () => model,
    ...(hosted ? { offline, tokenBudget: tokenBudgetFromEnv(options.env) } : {}),
  });
}
