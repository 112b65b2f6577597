export * from './memory-conversation-state-store.js';
export * from './memory-idempotency-store.js';
