export * from './embedded-document-store.js';
