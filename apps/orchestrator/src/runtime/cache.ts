import type { CacheStore } from '@mcp-crew/core';
import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import { RedisCacheStore } from '@mcp-crew/cache-redis';
import type { Logger } from 'pino';

/** The tenant cache's store: Redis when REDIS_URL is set (shared by every process), else in-process. */
export async function openCacheStore(redisUrl: string | undefined, prefix: string, logger: Logger): Promise<CacheStore> {
  if (!redisUrl) return new MemoryCacheStore();
  return RedisCacheStore.connect(redisUrl, {
    keyPrefix: `${prefix}:`,
    logger: { warn: (obj, msg) => logger.warn(obj, msg), info: (obj, msg) => logger.info(obj, msg) },
  });
}
