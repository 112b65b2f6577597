import type { Provider } from '@nestjs/common';
import { DeterministicSelector } from '@mcp-crew/core';
import { RespondToTurn, WebhookIntake } from '@mcp-crew/pipeline';
import { DependencyChecks } from '../health/dependency-checks.js';
import { Metrics } from '../metrics/metrics.js';
import { TenantSnapshot } from '../tenants/tenant-snapshot.js';
import type { Runtime } from './runtime.js';

/**
 * Nest tokens for the parts of the composed runtime that have no class of their own (a port, a settings
 * slice): each controller, guard and service injects only the concerns it uses, never the whole runtime.
 */
export const LOGGER = 'mcp-crew:logger';
/** The editable tenant store, or null when tenants come from a file (read-only). */
export const TENANT_STORE = 'mcp-crew:tenant-store';
/** OPERATOR_API_KEY as a Secret, or null when the admin API is off. */
export const OPERATOR_API_KEY = 'mcp-crew:operator-api-key';
/** `{ syncBudgetMs, jobLeaseMs, ratePerMinute }` of the API Odoo calls. */
export const ODOO_API_SETTINGS = 'mcp-crew:odoo-api-settings';
/** The loaded crews (`ReadonlyMap<CrewName, CrewDefinition>`). */
export const CREWS = 'mcp-crew:crews';
/** Conversation memory (Chatwoot conversations and copilot sessions). */
export const CONVERSATION_STATE = 'mcp-crew:conversation-state';
/** The tenant cache's store. */
export const CACHE_STORE = 'mcp-crew:cache-store';
/** Each tenant's structured business data (`BusinessDataService`), the store the turns read. */
export const BUSINESS_DATA = 'mcp-crew:business-data';
/** Vector store and embedder, or null when this process has no knowledge (tests with given specialists). */
export const KNOWLEDGE = 'mcp-crew:knowledge';

/** One provider per concern, from the runtime `createRuntime` composed. */
export function runtimeProviders(runtime: Runtime): Provider[] {
  return [
    { provide: WebhookIntake, useValue: runtime.intake },
    { provide: DependencyChecks, useValue: runtime.health },
    { provide: TenantSnapshot, useValue: runtime.tenants },
    { provide: Metrics, useValue: runtime.metrics },
    { provide: LOGGER, useValue: runtime.logger },
    { provide: TENANT_STORE, useValue: runtime.tenantStore ?? null },
    { provide: OPERATOR_API_KEY, useValue: runtime.operatorApiKey ?? null },
    { provide: ODOO_API_SETTINGS, useValue: runtime.odooApi },
    { provide: CREWS, useValue: runtime.crews },
    { provide: CONVERSATION_STATE, useValue: runtime.state },
    { provide: CACHE_STORE, useValue: runtime.cacheStore },
    { provide: KNOWLEDGE, useValue: runtime.knowledge ?? null },
    { provide: BUSINESS_DATA, useValue: runtime.businessData },
    // The same use case as the Chatwoot turns; an Odoo user's request is routed by its words, never by a model.
    {
      provide: RespondToTurn,
      useValue: new RespondToTurn({
        selector: new DeterministicSelector(),
        specialists: runtime.specialists,
      }),
    },
  ];
}
