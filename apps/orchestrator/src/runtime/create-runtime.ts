import { resolve } from 'node:path';
import { DeterministicSelector, cacheFor, type ChatwootGateway, type SpecialistRegistry, type TenantConfig, type TenantId } from '@mcp-crew/core';
import { FileTenantDirectory, type Settings } from '@mcp-crew/config';
import { loadCrews } from '@mcp-crew/crews';
import { ConsoleChatwootGateway, HttpChatwootGateway } from '@mcp-crew/chatwoot-client';
import { TurnProcessor, WebhookIntake } from '@mcp-crew/pipeline';
import { createDefaultSpecialists } from '@mcp-crew/agents';
import { InMemoryQueue } from '@mcp-crew/queue-memory';
import { BullMqQueue } from '@mcp-crew/queue-bullmq';
import { MemoryConversationStateStore } from '@mcp-crew/state-memory';
import { RedisConversationStateStore } from '@mcp-crew/state-redis';
import type { Logger } from 'pino';
import { CachedOdooApi } from '@mcp-crew/mcp-odoo';
import { Metrics } from '../metrics/metrics.js';
import { openCacheStore } from './cache.js';
import { openKnowledge } from './knowledge.js';
import type { Runtime } from './runtime.js';

export interface RuntimeOptions {
  settings: Settings;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Replaces the specialists (tests). Default: Mastra agents on the offline engine (OpenAI when OPENAI_API_KEY is set). */
  specialists?: SpecialistRegistry;
  /** Replaces how a tenant's Chatwoot gateway is made (tests). */
  gateway?: (tenant: TenantConfig) => ChatwootGateway;
  /** Base URL that `odoo.url: sandbox` resolves to. */
  sandboxUrl?: string;
}

/** Composes the orchestrator from settings: the composition root, shared by `crew serve` and the tests. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { settings, logger } = options;
  const env = options.env ?? process.env;
  const tenants = await FileTenantDirectory.load(resolve(settings.TENANTS_FILE), { env, sandboxUrl: options.sandboxUrl });
  const crews = await loadCrews(resolve(settings.CREWS_DIR));
  const metrics = new Metrics({ defaultMetrics: true });
  warnAboutTenants(await tenants.list(), logger);

  const queueSettings = {
    coalesceWindowMs: settings.COALESCE_WINDOW_MS,
    attempts: settings.QUEUE_ATTEMPTS,
    backoffMs: settings.QUEUE_BACKOFF_MS,
    idempotencyTtlMs: settings.IDEMPOTENCY_TTL_SECONDS * 1000,
  };
  const prefix = settings.QUEUE_PREFIX;
  const queue = settings.REDIS_URL
    ? new BullMqQueue({ url: settings.REDIS_URL, prefix, settings: queueSettings, concurrency: settings.WORKER_CONCURRENCY, logger })
    : new InMemoryQueue({ settings: queueSettings, concurrency: settings.WORKER_CONCURRENCY, logger });
  if (queue instanceof BullMqQueue) {
    // Start anyway when Redis is late: /health says 503 and webhooks get 500 (Chatwoot retries) until it answers.
    await queue.waitUntilReady(2000).catch(() => logger.warn('Redis is not reachable yet; webhooks are refused with 500 until it is'));
  }
  const state = settings.REDIS_URL ? new RedisConversationStateStore({ url: settings.REDIS_URL, prefix }) : new MemoryConversationStateStore();
  metrics.watchQueue(queue);

  const gateways = new Map<TenantId, ChatwootGateway>();
  const gateway =
    options.gateway ??
    ((tenant: TenantConfig) => {
      let found = gateways.get(tenant.id);
      if (!found) {
        found = makeGateway(tenant);
        gateways.set(tenant.id, found);
      }
      return found;
    });

  const intake = new WebhookIntake({
    tenant: (id) => tenants.peek(id),
    queue,
    metrics,
    maxAgeSeconds: settings.WEBHOOK_MAX_AGE_SECONDS,
  });
  const cacheStore = await openCacheStore(settings.REDIS_URL, prefix, logger);
  metrics.watchCache(cacheStore);
  // Knowledge serves the default specialists; tests that bring their own specialists skip the ingestion.
  const knowledge = options.specialists
    ? undefined
    : await openKnowledge({ dataDir: settings.DATA_DIR, collectionsDir: resolve(settings.COLLECTIONS_DIR), env, tenants: await tenants.list(), logger });
  const agents = options.specialists
    ? undefined
    : createDefaultSpecialists({
        env,
        logger,
        extraClients: async (tenant) => (knowledge ? [await knowledge.clientFor(tenant)] : []),
        wrapOdoo: (tenant, api) => new CachedOdooApi(api, cacheFor(cacheStore, tenant.id)),
      });
  const processor = new TurnProcessor({
    tenants,
    crews,
    selector: new DeterministicSelector(),
    specialists: options.specialists ?? agents!,
    gateway,
    state,
    logger,
    metrics,
  });

  return {
    settings,
    logger,
    metrics,
    tenants,
    crews,
    queue,
    queueKind: settings.REDIS_URL ? 'redis' : 'in-process',
    cacheStore,
    knowledge,
    intake,
    processor,
    sandboxUrl: options.sandboxUrl,
    describeTenants: () =>
      [...tenantsSnapshot(tenants)].map((t) => ({
        id: t.id,
        name: t.name,
        chatwoot: t.chatwoot.baseUrl && t.chatwoot.botToken ? t.chatwoot.baseUrl : 'console (DEMO_CHATWOOT_URL unset)',
        odoo: t.odoo?.url ?? 'none',
        webhook: `http://${settings.HOST}:${settings.PORT}/webhooks/chatwoot/${t.id}`,
      })),
    startWorker: () => queue.startWorker(processor),
    close: async () => {
      await queue.close();
      await agents?.close();
      await knowledge?.close();
      await cacheStore.close();
      await (state as { close?: () => Promise<void> }).close?.();
    },
  };
}

function makeGateway(tenant: TenantConfig): ChatwootGateway {
  const { baseUrl, botToken } = tenant.chatwoot;
  if (baseUrl && botToken) return new HttpChatwootGateway({ baseUrl, botToken });
  return new ConsoleChatwootGateway({ tenantId: tenant.id });
}

function* tenantsSnapshot(tenants: FileTenantDirectory): Iterable<TenantConfig> {
  for (const id of tenants.ids()) {
    const tenant = tenants.peek(id);
    if (tenant) yield tenant;
  }
}

function warnAboutTenants(list: TenantConfig[], logger: Logger): void {
  for (const tenant of list) {
    const { webhookSecret, allowUnsignedWebhooks, baseUrl, botToken } = tenant.chatwoot;
    if (!webhookSecret && allowUnsignedWebhooks) {
      logger.warn({ tenant: tenant.id }, 'webhook signature checks are DISABLED for this tenant (allowUnsignedWebhooks: true)');
    } else if (!webhookSecret) {
      logger.warn({ tenant: tenant.id }, 'no webhook secret configured: webhooks for this tenant are refused with 401');
    }
    if (baseUrl && !botToken) logger.warn({ tenant: tenant.id }, 'chatwoot.baseUrl is set without a bot token: replies are printed, not sent');
  }
}
