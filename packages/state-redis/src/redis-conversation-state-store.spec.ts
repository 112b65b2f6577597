import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { isCrewError, tenantId } from '@mcp-crew/core';
import { describeConversationStateStoreContract } from '@mcp-crew/testing';
import { Redis } from 'ioredis';
import { RedisConversationStateStore } from './redis-conversation-state-store.js';
import { REDIS_URL, redisStoreUnderTest } from '../test/redis-store-under-test.js';

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

describeConversationStateStoreContract('Redis', async () =>
  redisStoreUnderTest((options) => new RedisConversationStateStore(options)),
);

describe('RedisConversationStateStore', () => {
  it('stores JSON under the tenant and conversation, with a TTL', async () => {
    const prefix = `test:${randomUUID()}`;
    const store = new RedisConversationStateStore({ url: REDIS_URL, prefix, ttlSeconds: 3600 });
    const admin = new Redis(REDIS_URL);
    try {
      await store.save(tenantId('demo'), 77, { crew: 'whatsapp', history: [] });
      const key = `${prefix}:{demo}:conv:77:state`;
      expect(store.key(tenantId('demo'), 77)).toBe(key);
      expect(JSON.parse((await admin.get(key))!)).toEqual({ crew: 'whatsapp', history: [] });
      const ttl = await admin.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(3600);
    } finally {
      await deleteKeys(admin, prefix);
      await admin.quit();
      await store.close();
    }
  });

  it('fails with STATE_UNAVAILABLE when Redis cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once. Short timers: ioredis
    // keeps its command and disconnect timers running after a refused connection, which would hold Jest open.
    const store = new RedisConversationStateStore({
      url: 'redis://127.0.0.1:1',
      redis: { maxRetriesPerRequest: 0, commandTimeout: undefined, disconnectTimeout: 10 },
    });
    try {
      const error = await store.load(tenantId('demo'), 1).catch((e: unknown) => e);
      expect(isCrewError(error, 'STATE_UNAVAILABLE')).toBe(true);
    } finally {
      await store.close();
    }
  });
});
