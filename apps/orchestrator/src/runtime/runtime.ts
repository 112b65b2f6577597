import type {
  Secret,
  CacheStore,
  ConversationStateStore,
  CopilotJobStore,
  CrewDefinition,
  CrewName,
  DocumentStore,
  InboundQueue,
  SpecialistRegistry,
  TenantConfig,
} from '@mcp-crew/core';
import type { BusinessDataService, TenantStore } from '@mcp-crew/tenant-store';
import type { TenantSnapshot } from '../tenants/tenant-snapshot.js';
import type { Knowledge } from './knowledge.js';
import type { Settings } from '@mcp-crew/config';
import type { TurnProcessor, WebhookIntake } from '@mcp-crew/pipeline';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics.js';
import type { DependencyChecks } from '../health/dependency-checks.js';

/** Everything the running orchestrator is made of, composed once from settings (see create-runtime.ts). */
export interface Runtime {
  settings: Settings;
  logger: Logger;
  metrics: Metrics;
  /** Every tenant: `peek` is the webhook's synchronous lookup; `get`/`list` read the directory. */
  tenants: TenantSnapshot;
  /** The editable tenant store (MONGODB_URL or TENANT_STORE=embedded); undefined when tenants come from a file. */
  tenantStore?: TenantStore;
  /** The document store behind `tenantStore` (audit log, business data). */
  documents?: DocumentStore;
  /**
   * Each tenant's structured business data (opening hours, ...): in the document store when tenants live in
   * one, else in memory, seeded from COLLECTIONS_DIR/business_data/<tenant>.yaml.
   */
  businessData: BusinessDataService;
  /** The specialists every crew uses (the copilot's internal crew too). */
  specialists: SpecialistRegistry;
  /** Conversation memory (Chatwoot conversations and copilot sessions). */
  state: ConversationStateStore;
  /** Copilot jobs: Redis when configured (any replica answers a status request), else this process's memory. */
  copilotJobs: CopilotJobStore;
  /** OPERATOR_API_KEY: the admin API's bearer key; undefined = the admin API answers 503. */
  operatorApiKey?: Secret;
  /**
   * The API Odoo calls: COPILOT_SYNC_BUDGET_MS (default 20000), COPILOT_JOB_LEASE_MS (default 30000) and
   * ODOO_API_RATE_LIMIT per tenant per minute (default 120).
   */
  odooApi: { syncBudgetMs: number; jobLeaseMs: number; ratePerMinute: number };
  crews: ReadonlyMap<CrewName, CrewDefinition>;
  queue: InboundQueue;
  queueKind: 'redis' | 'in-process';
  /** The tenant cache's store (reach it per tenant with `cacheFor`). */
  cacheStore: CacheStore;
  /** Vector store and embedder; undefined when specialists were supplied (tests). */
  knowledge?: Knowledge;
  intake: WebhookIntake;
  /** Readiness probes (queue, Redis, stores) and the tenants' Odoo and Chatwoot reachability. */
  health: DependencyChecks;
  processor: TurnProcessor;
  /** Base URL of the Odoo sandbox when this process started one. */
  sandboxUrl?: string;
  /** Tenants served, for the startup banner. */
  describeTenants(): Array<
    Pick<TenantConfig, 'id' | 'name'> & { chatwoot: string; odoo: string; webhook: string }
  >;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}
