import { redisEndpoint, type RedisEndpoint, type Settings } from '@mcp-crew/config';
import type {
  CacheStore,
  ConversationStateStore,
  CopilotJobStore,
  IdempotencyStore,
  InboundQueue,
  QueueInspection,
  TenantLimitsLookup,
  TenantTokenMeter,
} from '@mcp-crew/core';
import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import { RedisCacheStore } from '@mcp-crew/cache-redis';
import { BullMqQueue } from '@mcp-crew/queue-bullmq';
import { InMemoryQueue } from '@mcp-crew/queue-memory';
import {
  MemoryConversationStateStore,
  MemoryCopilotJobStore,
  MemoryIdempotencyStore,
} from '@mcp-crew/state-memory';
import {
  RedisConversationRateLimits,
  RedisConversationStateStore,
  RedisCopilotJobStore,
  RedisIdempotencyStore,
} from '@mcp-crew/state-redis';
import type { Logger } from 'pino';

type SharedSettings = Pick<Settings, 'adapters' | 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'QUEUE_PREFIX'>;

/** The inbound queue, with the meter its tenants' tokens per minute are counted on. */
export type OpenedQueue = InboundQueue & QueueInspection & { readonly tokens: TenantTokenMeter };

/**
 * The inbound queue: BullMQ on Redis (settings.adapters.shared = redis), else in-process. Either serves
 * tenants fairly under `limits` (each tenant's cap on turns at once and on model tokens per minute).
 */
export function openQueue(
  settings: SharedSettings &
    Pick<
      Settings,
      | 'COALESCE_WINDOW_MS'
      | 'QUEUE_ATTEMPTS'
      | 'QUEUE_BACKOFF_MS'
      | 'IDEMPOTENCY_TTL_SECONDS'
      | 'WORKER_CONCURRENCY'
      | 'QUEUE_LOCK_MS'
      | 'QUEUE_STALLED_CHECK_MS'
    >,
  logger: Logger,
  limits?: TenantLimitsLookup,
): OpenedQueue {
  const queueSettings = {
    coalesceWindowMs: settings.COALESCE_WINDOW_MS,
    attempts: settings.QUEUE_ATTEMPTS,
    backoffMs: settings.QUEUE_BACKOFF_MS,
    idempotencyTtlMs: settings.IDEMPOTENCY_TTL_SECONDS * 1000,
  };
  const concurrency = settings.WORKER_CONCURRENCY;
  if (settings.adapters.shared === 'redis') {
    return new BullMqQueue({
      ...redisTarget(settings),
      prefix: settings.QUEUE_PREFIX,
      settings: queueSettings,
      concurrency,
      logger,
      lockDurationMs: settings.QUEUE_LOCK_MS,
      stalledCheckMs: settings.QUEUE_STALLED_CHECK_MS,
      ...(limits ? { limits } : {}),
    });
  }
  return new InMemoryQueue({ settings: queueSettings, concurrency, logger, ...(limits ? { limits } : {}) });
}

/** Conversation memory: Redis (shared by every replica) or in-process. */
export function openStateStore(settings: SharedSettings): ConversationStateStore {
  if (settings.adapters.shared === 'redis')
    return new RedisConversationStateStore({ ...redisTarget(settings), prefix: settings.QUEUE_PREFIX });
  return new MemoryConversationStateStore();
}

/**
 * The Chatwoot per-conversation limit shared by every replica (Redis), or undefined: each gateway keeps its
 * in-process limiter.
 */
export function openConversationRateLimits(
  settings: SharedSettings,
): RedisConversationRateLimits | undefined {
  if (settings.adapters.shared !== 'redis') return undefined;
  return new RedisConversationRateLimits({ ...redisTarget(settings), prefix: settings.QUEUE_PREFIX });
}

/** Results of Odoo writes and Chatwoot messages under their idempotency keys: Redis or in-process. */
export function openIdempotencyStore(settings: SharedSettings): IdempotencyStore {
  if (settings.adapters.shared === 'redis')
    return new RedisIdempotencyStore({ ...redisTarget(settings), prefix: settings.QUEUE_PREFIX });
  return new MemoryIdempotencyStore();
}

/** Copilot jobs: Redis (any replica answers a job's status) or in-process. */
export function openCopilotJobStore(settings: SharedSettings): CopilotJobStore {
  if (settings.adapters.shared === 'redis')
    return new RedisCopilotJobStore({ ...redisTarget(settings), prefix: settings.QUEUE_PREFIX });
  return new MemoryCopilotJobStore();
}

/** The tenant cache's store: Redis (shared by every process) or in-process. */
export async function openCacheStore(settings: SharedSettings, logger: Logger): Promise<CacheStore> {
  if (settings.adapters.shared !== 'redis') return new MemoryCacheStore();
  return RedisCacheStore.connect(redisTarget(settings), {
    keyPrefix: `${settings.QUEUE_PREFIX}:`,
    logger: { warn: (obj, msg) => logger.warn(obj, msg), info: (obj, msg) => logger.info(obj, msg) },
  });
}

/** One server (`REDIS_URL`) or a cluster (`REDIS_CLUSTER_NODES`); every Redis adapter takes either. */
export function redisTarget(settings: Pick<Settings, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>): RedisEndpoint {
  // loadSettings guarantees it: adapters.shared is redis exactly when one of the two is set.
  const endpoint = redisEndpoint(settings);
  if (!endpoint) throw new Error('adapters.shared is redis without REDIS_URL or REDIS_CLUSTER_NODES');
  return endpoint;
}
