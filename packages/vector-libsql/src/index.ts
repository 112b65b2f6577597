export * from './embedded-vector-store.js';
