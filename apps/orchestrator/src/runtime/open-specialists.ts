import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createDefaultSpecialists, type AgentSpecialistRegistry, type TenantModels } from '@mcp-crew/agents';
import type { Settings } from '@mcp-crew/config';
import {
  cacheFor,
  tenantId,
  type CacheStore,
  type IdempotencyStore,
  type TenantConfig,
  type TenantTokenMeter,
} from '@mcp-crew/core';
import { CachedOdooApi, GuardedOdooApi } from '@mcp-crew/mcp-odoo';
import type { TenantBreakers } from '@mcp-crew/reliability';
import type { Logger } from 'pino';
import { openBusinessTools, type BusinessTools } from './business-tools.js';
import { openKnowledge, type Knowledge } from './knowledge.js';
import { traced } from '../observability/tracing.js';
import { currentLogContext } from '../observability/log-context.js';
import { traceModel } from '../observability/traced-model.js';
import type { LatencyMetrics } from '../metrics/latency-metrics.js';

export interface OpenSpecialistsOptions {
  settings: Settings;
  /** The hosted model chosen by the composition root (adapters/model.ts); absent = the offline engine. */
  hosted?: LanguageModelV3;
  /** Each tenant's own models (the main job); when given, a tenant's settings choose its specialists' model. */
  models?: TenantModels;
  logger: Logger;
  tenants: TenantConfig[];
  /** The tenant cache's store: every tenant's Odoo reads go through it. */
  cacheStore: CacheStore;
  /** Idempotent Odoo writes, per-tenant breakers and per-call timeouts (the main job; `crew chat` runs without). */
  reliability?: { idempotency: IdempotencyStore; breakers: TenantBreakers; odooCallTimeoutMs: number };
  /** Model and Odoo call metrics per tenant (the main job). */
  latency?: LatencyMetrics;
  /** Where each model call's tokens are counted against the tenant's tokens per minute (the queue's meter). */
  tokens?: TenantTokenMeter;
  /**
   * The tenants' business data (opening hours the admin API edits), offered to the specialists through
   * MCP-MongoDB; without it they answer hours from the knowledge text.
   */
  businessData?: Parameters<typeof openBusinessTools>[0];
}

export interface OpenedSpecialists {
  specialists: AgentSpecialistRegistry;
  knowledge: Knowledge;
  /** Closes the specialists' MCP clients, then the knowledge store (not the cache store: its opener owns it). */
  close(): Promise<void>;
}

/**
 * The default specialists exactly as the main job runs them: the tenants' knowledge (search_knowledge over
 * MCP, demo collections ingested), MCP-Odoo behind the tenant cache, the model the composition root chose.
 * `crew serve` and `crew chat` both compose through here, so a chat session behaves like the bot.
 */
export async function openSpecialists(options: OpenSpecialistsOptions): Promise<OpenedSpecialists> {
  const { settings, logger, cacheStore, reliability, latency, tokens: meter } = options;
  const knowledge = await openKnowledge({ settings, tenants: options.tenants, logger });
  const business: BusinessTools | undefined = options.businessData && openBusinessTools(options.businessData);
  const specialists = createDefaultSpecialists({
    ...(options.hosted ? { hosted: options.hosted } : {}),
    ...(options.models ? { models: options.models } : {}),
    tokenBudget: settings.MODEL_TOKEN_BUDGET_PER_CONVERSATION,
    wrapModel: (model) =>
      traceModel(model, (name, seconds, ok, tokens) => {
        const tenant = currentLogContext().tenant;
        latency?.modelCall(tenant ?? 'unknown', name, seconds, ok, tokens);
        const spent = (tokens?.input ?? 0) + (tokens?.output ?? 0);
        if (meter && tenant && spent > 0)
          meter.record(tenantId(tenant), spent).catch((err: unknown) => {
            logger.warn(
              { tenant, err: err instanceof Error ? err.message : String(err) },
              'model tokens not metered',
            );
          });
      }),
    logger,
    extraClients: async (tenant) => [
      await knowledge.clientFor(tenant),
      ...(business ? [await business.clientFor(tenant)] : []),
    ],
    // The breaker and timeouts sit under the cache: a cache hit is no Odoo call.
    wrapOdoo: (tenant, api) => {
      const guarded = reliability
        ? new GuardedOdooApi(api, {
            tenantId: tenant.id,
            breakers: reliability.breakers,
            callTimeoutMs: reliability.odooCallTimeoutMs,
          })
        : api;
      // Odoo calls that reach Odoo (not cache hits) are `odoo.<method>` spans when tracing is on.
      const observed = traced(guarded, 'odoo', { tenant: tenant.id }, (method, seconds, ok) =>
        latency?.odooCall(tenant.id, method, seconds, ok),
      );
      return new CachedOdooApi(observed, cacheFor(cacheStore, tenant.id));
    },
    ...(reliability ? { idempotency: reliability.idempotency } : {}),
  });
  return {
    specialists,
    knowledge,
    close: async () => {
      await specialists.close();
      await business?.close();
      await knowledge.close();
    },
  };
}
