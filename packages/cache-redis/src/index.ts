export * from './redis-cache-store.js';
export * from './cache-logger.js';
