export * from './memory-conversation-state-store.js';
export * from './memory-idempotency-store.js';
export * from './memory-copilot-job-store.js';
