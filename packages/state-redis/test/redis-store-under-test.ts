import { randomUUID } from 'node:crypto';
import type { StoreUnderTest } from '@mcp-crew/testing';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A store on the real Redis under a fresh prefix, for a contract suite: cleanup closes it and deletes every
 * key under that prefix (never FLUSH: the Redis is shared).
 */
export function redisStoreUnderTest<S extends { close(): Promise<void> }>(
  open: (options: { url: string; prefix: string }) => S,
): StoreUnderTest<S> {
  const prefix = `test:${randomUUID()}`;
  const store = open({ url: REDIS_URL, prefix });
  return {
    store,
    cleanup: async () => {
      const admin = new Redis(REDIS_URL);
      const keys = await admin.keys(`${prefix}:*`);
      if (keys.length > 0) await admin.del(...keys);
      await admin.quit();
      await store.close();
    },
  };
}
