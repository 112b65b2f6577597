import { describeCopilotJobStoreContract } from '@mcp-crew/testing';
import { RedisCopilotJobStore } from './redis-copilot-job-store.js';
import { redisStoreUnderTest } from '../test/redis-store-under-test.js';

describeCopilotJobStoreContract('Redis', async () =>
  redisStoreUnderTest((options) => new RedisCopilotJobStore(options)),
);
