import { describeIdempotencyStoreContract } from '@mcp-crew/testing';
import { RedisIdempotencyStore } from './redis-idempotency-store.js';
import { redisStoreUnderTest } from '../test/redis-store-under-test.js';

describeIdempotencyStoreContract('Redis', async () =>
  redisStoreUnderTest((options) => new RedisIdempotencyStore(options)),
);
