export * from './redis-conversation-state-store.js';
export * from './redis-idempotency-store.js';
export type { RedisConnectionOptions } from './redis-connection.js';
export * from './redis-conversation-rate-limits.js';
export * from './redis-copilot-job-store.js';
