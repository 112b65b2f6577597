export * from './in-memory-queue.js';
export * from './delivery-ids.js';
export * from './memory-token-meter.js';
