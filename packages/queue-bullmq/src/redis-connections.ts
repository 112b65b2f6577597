import type { QueueLogger } from '@mcp-crew/core';
import { openRedis, type RedisClient, type RedisTarget } from '@mcp-crew/redis-connection';
import type { RedisOptions } from 'ioredis';

export type { RedisTarget };
export { closeRedis as closeConnection } from '@mcp-crew/redis-connection';

/**
 * The webhook's connection: fail fast instead of waiting. No offline queue (a command while disconnected
 * rejects at once), one try per command and a command timeout, so `enqueue` rejects within about a second
 * and the webhook can answer 500 for Chatwoot to retry.
 */
export function producerConnection(target: RedisTarget, logger: QueueLogger): RedisClient {
  return connect(target, logger, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 1500,
    // Concurrent webhooks' adds leave in one write per tick instead of one write each.
    enableAutoPipelining: true,
  });
}

/** The workers' connection: BullMQ needs `maxRetriesPerRequest: null` so its blocking reads survive reconnects. */
export function workerConnection(target: RedisTarget, logger: QueueLogger): RedisClient {
  return connect(target, logger, { maxRetriesPerRequest: null });
}

function connect(target: RedisTarget, logger: QueueLogger, defaults: RedisOptions): RedisClient {
  const redis = openRedis(target, defaults);
  // Without a listener ioredis prints every reconnect failure; log each distinct error once instead.
  let last = '';
  redis.on('error', (error: Error) => {
    if (error.message === last) return;
    last = error.message;
    logger.warn({ err: error.message }, 'redis connection error (reconnecting)');
  });
  redis.on('ready', () => (last = ''));
  return redis;
}
