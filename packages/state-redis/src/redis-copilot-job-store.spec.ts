import { randomUUID } from 'node:crypto';
import { describeCopilotJobStoreContract } from '@mcp-crew/testing';
import { Redis } from 'ioredis';
import { RedisCopilotJobStore } from './redis-copilot-job-store.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Medium test on the real Redis, under a fresh prefix removed afterwards.
describeCopilotJobStoreContract('Redis', async () => {
  const prefix = `test:${randomUUID()}`;
  const store = new RedisCopilotJobStore({ url: REDIS_URL, prefix });
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
});
