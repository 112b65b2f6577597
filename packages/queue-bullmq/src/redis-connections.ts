import { Redis, type RedisOptions } from 'ioredis';
import type { QueueLogger } from '@mcp-crew/core';

/** Where Redis is: a URL (`redis://127.0.0.1:6379/0`), plain ioredis options, or both (options win). */
export interface RedisTarget {
  url?: string;
  redis?: RedisOptions;
}

/**
 * The webhook's connection: fail fast instead of waiting. No offline queue (a command while disconnected
 * rejects at once), one try per command and a command timeout, so `enqueue` rejects within about a second
 * and the webhook can answer 500 for Chatwoot to retry.
 */
export function producerConnection(target: RedisTarget, logger: QueueLogger): Redis {
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
export function workerConnection(target: RedisTarget, logger: QueueLogger): Redis {
  return connect(target, logger, { maxRetriesPerRequest: null });
}

function connect(target: RedisTarget, logger: QueueLogger, defaults: RedisOptions): Redis {
  const options: RedisOptions = { ...defaults, ...target.redis };
  const redis = target.url ? new Redis(target.url, options) : new Redis(options);
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

/** Closes a connection whatever its state: QUIT when connected, a plain disconnect otherwise. */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status === 'ready') {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through to disconnect
    }
  }
  redis.disconnect();
}
