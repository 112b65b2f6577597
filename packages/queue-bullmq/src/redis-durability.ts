import type { QueueLogger } from '@mcp-crew/core';
import type { RedisClient } from '@mcp-crew/redis-connection';

export interface RedisDurability {
  /** AOF (`appendonly yes`) or RDB snapshots (`save` not empty) keep accepted messages across a restart. */
  persistent: boolean | 'unknown';
  appendonly?: string;
  save?: string;
  maxmemoryPolicy?: string;
}

/**
 * Reads Redis's persistence settings (tolerating managed services that disable CONFIG) and warns when
 * accepted messages could be lost: no AOF and no RDB means a Redis restart drops every queued turn, and an
 * eviction policy other than `noeviction` lets Redis delete queue keys under memory pressure.
 */
export async function checkRedisDurability(
  redis: RedisClient,
  logger: QueueLogger,
): Promise<RedisDurability> {
  let settings: Record<string, string>;
  try {
    settings = {
      ...(await configGet(redis, 'appendonly')),
      ...(await configGet(redis, 'save')),
      ...(await configGet(redis, 'maxmemory-policy')),
    };
  } catch {
    logger.warn(
      {},
      'could not read Redis persistence settings (CONFIG is disabled here): make sure AOF (appendfsync everysec) or RDB is on, or accepted messages can be lost on a Redis restart',
    );
    return { persistent: 'unknown' };
  }
  const appendonly = settings['appendonly'];
  const save = settings['save'];
  const maxmemoryPolicy = settings['maxmemory-policy'];
  const persistent = appendonly === 'yes' || (save !== undefined && save.trim() !== '');
  if (!persistent) {
    logger.warn(
      { appendonly, save },
      'Redis has neither AOF nor RDB persistence: accepted messages waiting in the queue are LOST if Redis restarts (set appendonly yes, appendfsync everysec)',
    );
  }
  if (maxmemoryPolicy !== undefined && maxmemoryPolicy !== 'noeviction') {
    logger.warn(
      { maxmemoryPolicy },
      'Redis may evict keys under memory pressure: queued messages and dedupe records can disappear (set maxmemory-policy noeviction)',
    );
  }
  return { persistent, appendonly, save, maxmemoryPolicy };
}

async function configGet(redis: RedisClient, name: string): Promise<Record<string, string>> {
  const pairs = (await redis.call('CONFIG', 'GET', name)) as string[];
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) out[pairs[i]!] = pairs[i + 1]!;
  return out;
}
