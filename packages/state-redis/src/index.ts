export * from './redis-conversation-state-store.js';
