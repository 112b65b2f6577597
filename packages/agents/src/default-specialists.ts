import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { LogWriteAudit, type AuditLogger, type OdooApi } from '@mcp-crew/mcp-odoo';
import type { IdempotencyStore, SpecialistKind, TenantConfig } from '@mcp-crew/core';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOfflineEngine } from './engine/offline-engine.js';
import { withFallback } from './model/fallback-model.js';
import type { TenantModels } from './model/tenant-models.js';
import { createCrewMastra } from './mastra/crew-mastra.js';
import type { StructuredLogger } from './mastra/mastra-logger.js';
import { AgentSpecialistRegistry } from './specialists/agent-registry.js';
import { InProcessTenantTools } from './tools/tenant-tools.js';

export interface DefaultSpecialistsOptions {
  /** The hosted model (composition root: OPENAI_API_KEY set), with its timeout, retries and breakers; absent = the offline engine answers alone. */
  hosted?: LanguageModelV3;
  /** Model tokens per conversation before its turns use the offline engine (0 = no limit). */
  tokenBudget: number;
  logger: AuditLogger & StructuredLogger;
  /** More MCP clients per tenant (knowledge search, ...). */
  extraClients?: (tenant: TenantConfig) => Promise<Client[]>;
  /** Wraps each tenant's Odoo client (the tenant cache in front of reads). */
  wrapOdoo?: (tenant: TenantConfig, api: OdooApi) => OdooApi;
  /** Wraps the model the agents call (tracing, metrics); the offline engine too when it answers alone. */
  wrapModel?: (model: LanguageModelV3) => LanguageModelV3;
  /** Where MCP-Odoo records write results under their idempotency keys. */
  idempotency?: IdempotencyStore;
  /** Each tenant's own model per specialist (its settings over the environment's); replaces `hosted`. */
  models?: TenantModels;
}

/**
 * The main job's specialists: Mastra agents on the offline engine (or the hosted model the composition root
 * chose, with the engine as its fallback), MCP-Odoo in-process per tenant, Odoo writes in the log as audit.
 */
export function createDefaultSpecialists(options: DefaultSpecialistsOptions): AgentSpecialistRegistry {
  const { logger } = options;
  const wrap = options.wrapModel ?? ((m: LanguageModelV3) => m);
  const offline = wrap(createOfflineEngine());
  const onFallback = (error: unknown) =>
    logger.warn(
      { error: error instanceof Error ? error.message : 'unknown' },
      'language model failed; the offline engine answered this step',
    );
  const model = options.hosted ? withFallback(wrap(options.hosted), offline, onFallback) : offline;
  // The budget only matters when a hosted model spends tokens; the offline engine alone has none to count.
  const hosted = Boolean(options.hosted) || Boolean(options.models);
  // One fallback wrapper per hosted model object, so an unchanged tenant keeps the same model (and agents).
  const wrapped = new WeakMap<LanguageModelV3, LanguageModelV3>();
  const tenantModel = (tenant: TenantConfig, kind: SpecialistKind): LanguageModelV3 => {
    const chosen = options.models?.chat(tenant, kind);
    if (!chosen) return offline;
    let found = wrapped.get(chosen.model);
    if (!found) {
      found = withFallback(wrap(chosen.model), offline, onFallback);
      wrapped.set(chosen.model, found);
    }
    return found;
  };
  return new AgentSpecialistRegistry({
    tools: new InProcessTenantTools({
      audit: new LogWriteAudit(logger),
      extraClients: options.extraClients,
      wrapOdoo: options.wrapOdoo,
      ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    }),
    model: options.models ? tenantModel : () => model,
    // One Mastra instance owns the agents and logs through the project's logger.
    mastra: createCrewMastra(logger),
    ...(hosted ? { offline, tokenBudget: options.tokenBudget } : {}),
    ...(options.models
      ? { tokenBudgetFor: (tenant, kind) => options.models?.chat(tenant, kind)?.resolved.tokenBudget }
      : {}),
  });
}
