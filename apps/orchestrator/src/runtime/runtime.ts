import type { CacheStore, CrewDefinition, CrewName, InboundQueue, TenantConfig } from '@mcp-crew/core';
import type { Knowledge } from './knowledge.js';
import type { FileTenantDirectory, Settings } from '@mcp-crew/config';
import type { TurnProcessor, WebhookIntake } from '@mcp-crew/pipeline';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics.js';

/** Nest injection token for the composed runtime. */
export const RUNTIME = 'MCP_CREW_RUNTIME';

/** Everything the running orchestrator is made of, composed once from settings (see create-runtime.ts). */
export interface Runtime {
  settings: Settings;
  logger: Logger;
  metrics: Metrics;
  tenants: FileTenantDirectory;
  crews: ReadonlyMap<CrewName, CrewDefinition>;
  queue: InboundQueue;
  queueKind: 'redis' | 'in-process';
  /** The tenant cache's store (reach it per tenant with `cacheFor`). */
  cacheStore: CacheStore;
  /** Vector store and embedder; undefined when specialists were supplied (tests). */
  knowledge?: Knowledge;
  intake: WebhookIntake;
  processor: TurnProcessor;
  /** Base URL of the Odoo sandbox when this process started one. */
  sandboxUrl?: string;
  /** Tenants served, for the startup banner. */
  describeTenants(): Array<Pick<TenantConfig, 'id' | 'name'> & { chatwoot: string; odoo: string; webhook: string }>;
  startWorker(): Promise<void>;
  close(): Promise<void>;
}
