export * from './bullmq-queue.js';
export type { RedisTarget } from './redis-connections.js';
export * from './redis-durability.js';
