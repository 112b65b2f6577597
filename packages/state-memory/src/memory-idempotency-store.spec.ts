import { describeIdempotencyStoreContract } from '@mcp-crew/testing';
import { MemoryIdempotencyStore } from './memory-idempotency-store.js';

describeIdempotencyStoreContract('in-process', async () => ({
  store: new MemoryIdempotencyStore(),
  cleanup: async () => undefined,
}));
