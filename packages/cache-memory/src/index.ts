export * from './memory-cache-store.js';
