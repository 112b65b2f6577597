export * from './memory-conversation-state-store.js';
