import { join, resolve } from 'node:path';
import {
  cacheFor,
  DEFAULT_TENANT_LIMITS,
  type ChatwootGateway,
  type SpecialistRegistry,
  type TenantConfig,
  type TenantId,
} from '@mcp-crew/core';
import type { Settings } from '@mcp-crew/config';
import { loadCrews } from '@mcp-crew/crews';
import { ChatwootAttachments, ConsoleChatwootGateway, HttpChatwootGateway } from '@mcp-crew/chatwoot-client';
import {
  DeadlineWorker,
  MediaReader,
  TranscriptMailbox,
  OutboxGateway,
  splitSummaryRequests,
  TurnProcessor,
  WebhookIntake,
} from '@mcp-crew/pipeline';
import { TenantBreakers } from '@mcp-crew/reliability';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { BusinessDataService, DatasetBusinessHours, seedMissingBusinessData } from '@mcp-crew/tenant-store';
import { BullMqQueue } from '@mcp-crew/queue-bullmq';
import type { RedisConversationRateLimits } from '@mcp-crew/state-redis';
import type { Logger } from 'pino';
import { Metrics } from '../metrics/metrics.js';
import {
  createLanguageModel,
  createModelEndpointBreakers,
  createTenantModels,
  createTenantSelector,
  openCacheStore,
  openConversationRateLimits,
  openCopilotJobStore,
  openIdempotencyStore,
  openQueue,
  redisTarget,
  openStateStore,
} from './adapters/index.js';
import { openSpecialists } from './open-specialists.js';
import type { Runtime } from './runtime.js';
import { openTenants } from '../tenants/open-tenants.js';
import type { TenantSnapshot } from '../tenants/tenant-snapshot.js';
import { InteractionHistoryWriter } from './interaction-summaries.js';
import { createHandoffRouter } from './handoff-routing.js';
import { DependencyChecks } from '../health/dependency-checks.js';
import { ContextualTurnWorker, markReplySent } from '../observability/turn-context.js';
import { observeToolCalls } from '@mcp-crew/mcp-kit';
import { currentLogContext } from '../observability/log-context.js';
import { traceQueue } from '../observability/traced-queue.js';
import { traced } from '../observability/tracing.js';

export interface RuntimeOptions {
  settings: Settings;
  logger: Logger;
  /** For `${VAR}` references in the tenants file only; process settings come from `settings`. */
  env?: Record<string, string | undefined>;
  /** Replaces the specialists (tests). Default: Mastra agents on the offline engine (OpenAI when OPENAI_API_KEY is set). */
  specialists?: SpecialistRegistry;
  /** Replaces how a tenant's Chatwoot gateway is made (tests). */
  gateway?: (tenant: TenantConfig) => ChatwootGateway;
  /** Base URL that `odoo.url: sandbox` resolves to. */
  sandboxUrl?: string;
  /** The clock business hours are read with (tests). */
  now?: () => number;
}

/** Composes the orchestrator from settings: the composition root, shared by `crew serve` and the tests. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { settings, logger } = options;
  const env = options.env ?? process.env;
  // The tenants file or a document store, as settings.adapters.tenants says (see open-tenants.ts).
  const directory = await openTenants({ settings, env, logger, sandboxUrl: options.sandboxUrl });
  const tenants = directory.tenants;
  const operatorApiKey = settings.OPERATOR_API_KEY;
  if (!operatorApiKey) logger.info('admin API disabled (503): OPERATOR_API_KEY is not set');
  const crews = await loadCrews(resolve(settings.CREWS_DIR));
  // Business data (opening hours) lives with the tenants when they are in a document store; with the tenants
  // file it is read-only like them: an in-memory store filled from the business data files.
  const memoryDocuments = directory.documents ? undefined : new EmbeddedDocumentStore({ url: ':memory:' });
  const documents = (directory.documents ?? memoryDocuments)!;
  const businessData = new BusinessDataService(documents.businessData);
  const seededData = await seedMissingBusinessData(
    businessData,
    (await tenants.list()).map((t) => t.id),
    join(resolve(settings.COLLECTIONS_DIR), 'business_data'),
  );
  if (Object.keys(seededData).length > 0) logger.info({ seeded: seededData }, 'business data seeded');
  const metrics = new Metrics({ defaultMetrics: true });
  warnAboutTenants(await tenants.list(), logger);

  // Each tenant's caps, read on every dispatch from the live snapshot (an admin change applies at once).
  const queue = openQueue(settings, logger, (id) => tenants.peek(id)?.limits ?? DEFAULT_TENANT_LIMITS);
  if (queue instanceof BullMqQueue) {
    // Start anyway when Redis is late: /health says 503 and webhooks get 500 (Chatwoot retries) until it answers.
    await queue
      .waitUntilReady(2000)
      .catch(() => logger.warn('Redis is not reachable yet; webhooks are refused with 500 until it is'));
    // Without AOF or RDB, a Redis restart loses accepted messages: say so at startup.
    if (await queue.isReady()) await queue.checkDurability();
  }
  const state = openStateStore(settings);
  // Results of Odoo writes and Chatwoot messages under their idempotency keys: a retried turn reuses them.
  const idempotency = openIdempotencyStore(settings);
  const copilotJobs = openCopilotJobStore(settings);
  const breakers = new TenantBreakers({
    consecutiveFailures: settings.BREAKER_FAILURES,
    halfOpenAfterMs: settings.BREAKER_OPEN_SECONDS * 1000,
  });
  metrics.watchQueue(queue);

  // With Redis, every replica's gateways share one per-conversation budget; else each keeps its own.
  const rateLimits = openConversationRateLimits(settings);
  const gateways = new Map<TenantId, { chatwoot: TenantConfig['chatwoot']; gateway: ChatwootGateway }>();
  tenants.onChange((id) => void gateways.delete(id));
  const baseGateway =
    options.gateway ??
    ((tenant: TenantConfig) => {
      let found = gateways.get(tenant.id);
      // A changed Chatwoot connection (admin API) gets a new gateway; an unchanged one keeps its rate limiter.
      if (!found || !sameChatwoot(found.chatwoot, tenant.chatwoot)) {
        found = { chatwoot: tenant.chatwoot, gateway: makeGateway(tenant, rateLimits) };
        gateways.set(tenant.id, found);
      }
      return found.gateway;
    });
  // Every turn's messages go through the outbox, so a retried turn does not send a reply twice.
  // Each Chatwoot call is a `chatwoot.<method>` span when tracing is on; the turn's first reply is timed.
  const onChatwootCall = (method: string, _seconds: number, ok: boolean) => {
    if (method === 'sendMessage' && ok) markReplySent();
  };
  const gateway = (tenant: TenantConfig): ChatwootGateway =>
    new OutboxGateway(
      traced(baseGateway(tenant), 'chatwoot', { tenant: tenant.id }, onChatwootCall),
      tenant.id,
      idempotency,
    );

  // Chatwoot's late voice-note transcriptions, left by the webhook for the turn answering the note.
  const transcripts = new TranscriptMailbox(idempotency);
  const intake = new WebhookIntake({
    tenant: (id) => tenants.peek(id),
    transcripts,
    // The webhook's trace context rides in the queued message.
    queue: traceQueue(queue),
    metrics,
    maxAgeSeconds: settings.WEBHOOK_MAX_AGE_SECONDS,
  });
  const cacheStore = await openCacheStore(settings, logger);
  // Odoo reads cached from another database (or as another user) must not answer for the new one; a rotated
  // key alone keeps them. Every replica notices and drops them: the same keys, dropped more than once.
  tenants.onChange(async (id, tenant, previous) => {
    if (odooTarget(tenant) === odooTarget(previous)) return;
    const dropped = await cacheFor(cacheStore, id).invalidateAll();
    logger.info({ tenant: id, dropped }, 'tenant cache dropped: the Odoo connection changed');
  });
  // One breaker per model endpoint, shared by the tenants on it, in front of each tenant's own.
  const endpoints = createModelEndpointBreakers(settings, logger, metrics);
  // The environment's hosted model (or none: the offline engine) for the specialists, behind the breakers.
  const hosted = createLanguageModel(settings, { breakers, endpoints });
  // Each tenant's own models (its settings over the environment's): specialists, transcription, vision.
  const models = createTenantModels(settings, { breakers, endpoints });
  metrics.watchCache(cacheStore);
  // Knowledge serves the default specialists; tests that bring their own specialists skip the ingestion.
  const opened = options.specialists
    ? undefined
    : await openSpecialists({
        settings,
        hosted,
        models,
        logger,
        tenants: await tenants.list(),
        cacheStore,
        reliability: { idempotency, breakers, odooCallTimeoutMs: settings.ODOO_CALL_TIMEOUT_MS },
        latency: metrics.latency,
        tokens: queue.tokens,
        businessData: {
          business: businessData,
          auditLog: documents.auditLog,
          ...(options.now ? { now: options.now } : {}),
        },
      });
  const knowledge = opened?.knowledge;
  const agents = opened?.specialists;
  // A tenant whose configuration changed (admin API here, or another replica's, seen by the snapshot's poll)
  // gets its agents and MCP-Odoo connection closed now; its next turn connects with the new settings.
  if (agents)
    tenants.onChange((id) =>
      agents
        .forget(id)
        .catch((error: unknown) =>
          logger.warn(
            { tenant: id, err: error instanceof Error ? error.message : String(error) },
            'tenant clients not closed',
          ),
        ),
    );
  const processor = new TurnProcessor({
    tenants,
    crews,
    // Each tenant's model-based selector on its own model settings (deterministic on any error or without a key).
    selector: createTenantSelector(models, logger, agents?.mastra),
    specialists: options.specialists ?? agents!,
    gateway,
    state,
    logger,
    metrics,
    media: new MediaReader({
      models,
      fetcher: new ChatwootAttachments({ maxBytes: settings.MEDIA_MAX_BYTES }),
      transcripts,
      waitMs: settings.VOICE_TRANSCRIPT_WAIT_MS,
      maxBytes: settings.MEDIA_MAX_BYTES,
      logger,
    }),
    // Resolved conversations are summarized into the tenant's interaction_history (default specialists' knowledge).
    ...(knowledge ? { summaries: new InteractionHistoryWriter(knowledge) } : {}),
    hours: new DatasetBusinessHours(businessData),
    // Hand-overs go to the customer's salesperson or the least-loaded team member, with a CRM lead when sales.
    router: createHandoffRouter({
      records: idempotency,
      breakers,
      odooCallTimeoutMs: settings.ODOO_CALL_TIMEOUT_MS,
      logger,
      changes: tenants,
    }),
    ...(options.now ? { now: options.now } : {}),
  });

  // Every turn runs against its deadline; summary requests (nobody waits for them) do not.
  const worker = new DeadlineWorker({
    inner: processor,
    deadlineMs: settings.TURN_DEADLINE_MS,
    logger,
    exempt: (turn) => splitSummaryRequests(turn).messages.length === 0,
  });

  // Tool calls of every in-process MCP server, attributed to the turn's tenant.
  const stopToolMetrics = observeToolCalls(({ tool, seconds, ok }) =>
    metrics.latency.toolCall(currentLogContext().tenant ?? 'unknown', tool, seconds, ok),
  );
  const health = new DependencyChecks({
    queue,
    queueKind: settings.adapters.shared,
    ...(settings.adapters.shared === 'redis' ? { redis: redisTarget(settings) } : {}),
    ...(directory.documents ? { documents: directory.documents } : {}),
    ...(knowledge ? { vectors: knowledge.store } : {}),
  });

  return {
    settings,
    logger,
    metrics,
    tenants,
    tenantStore: directory.store,
    documents: directory.documents,
    businessData,
    crews,
    specialists: options.specialists ?? agents!,
    state,
    copilotJobs,
    operatorApiKey,
    odooApi: {
      syncBudgetMs: settings.COPILOT_SYNC_BUDGET_MS,
      jobLeaseMs: settings.COPILOT_JOB_LEASE_MS,
      ratePerMinute: settings.ODOO_API_RATE_LIMIT,
    },
    queue,
    queueKind: settings.adapters.shared,
    cacheStore,
    knowledge,
    health,
    intake,
    processor,
    sandboxUrl: options.sandboxUrl,
    describeTenants: () =>
      [...tenantsSnapshot(tenants)].map((t) => ({
        id: t.id,
        name: t.name,
        chatwoot:
          t.chatwoot.baseUrl && t.chatwoot.botToken
            ? t.chatwoot.baseUrl
            : 'console (DEMO_CHATWOOT_URL unset)',
        odoo: t.odoo?.url ?? 'none',
        webhook: `http://${settings.HOST}:${settings.PORT}/webhooks/chatwoot/${t.id}`,
      })),
    // Each turn runs in its log context (turn id, tenant, conversation, request id).
    startWorker: () => queue.startWorker(new ContextualTurnWorker(worker, metrics.latency)),
    // Every part is closed even when an earlier one fails (a Redis that never answered, say).
    close: async () => {
      const steps: Array<[string, (() => Promise<unknown>) | undefined]> = [
        ['queue', () => queue.close()],
        ['specialists', agents && (() => agents.close())],
        ['knowledge', knowledge && (() => knowledge.close())],
        ['cache', () => cacheStore.close()],
        ['state', (state as { close?: () => Promise<void> }).close?.bind(state)],
        ['chatwoot rate limits', rateLimits && (() => rateLimits.close())],
        ['idempotency', (idempotency as { close?: () => Promise<void> }).close?.bind(idempotency)],
        ['copilot jobs', (copilotJobs as { close?: () => Promise<void> }).close?.bind(copilotJobs)],
        ['tenants', () => directory.close()],
        ['business data', memoryDocuments && (() => memoryDocuments.close())],
        ['health', () => health.close()],
        ['tool metrics', async () => stopToolMetrics()],
      ];
      for (const [part, close] of steps) {
        await close?.().catch((error: unknown) =>
          logger.warn({ part, err: error instanceof Error ? error.message : String(error) }, 'close failed'),
        );
      }
    },
  };
}

function odooTarget(tenant: TenantConfig | undefined): string {
  const odoo = tenant?.odoo;
  return JSON.stringify(odoo ? [odoo.url, odoo.db, odoo.user] : null);
}

function sameChatwoot(a: TenantConfig['chatwoot'], b: TenantConfig['chatwoot']): boolean {
  return a.baseUrl === b.baseUrl && a.botToken?.reveal() === b.botToken?.reveal();
}

function makeGateway(tenant: TenantConfig, limits?: RedisConversationRateLimits): ChatwootGateway {
  const { baseUrl, botToken } = tenant.chatwoot;
  if (baseUrl && botToken)
    return new HttpChatwootGateway({
      baseUrl,
      botToken,
      ...(limits ? { limiter: limits.forTenant(tenant.id) } : {}),
    });
  return new ConsoleChatwootGateway({ tenantId: tenant.id });
}

function* tenantsSnapshot(tenants: TenantSnapshot): Iterable<TenantConfig> {
  for (const id of tenants.ids()) {
    const tenant = tenants.peek(id);
    if (tenant) yield tenant;
  }
}

function warnAboutTenants(list: TenantConfig[], logger: Logger): void {
  for (const tenant of list) {
    const { webhookSecret, allowUnsignedWebhooks, baseUrl, botToken } = tenant.chatwoot;
    if (!webhookSecret && allowUnsignedWebhooks) {
      logger.warn(
        { tenant: tenant.id },
        'webhook signature checks are DISABLED for this tenant (allowUnsignedWebhooks: true)',
      );
    } else if (!webhookSecret) {
      logger.warn(
        { tenant: tenant.id },
        'no webhook secret configured: webhooks for this tenant are refused with 401',
      );
    }
    if (baseUrl && !botToken)
      logger.warn(
        { tenant: tenant.id },
        'chatwoot.baseUrl is set without a bot token: replies are printed, not sent',
      );
  }
}
