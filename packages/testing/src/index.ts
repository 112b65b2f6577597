// Test support for every package's specs; each module appends its export below.
export * from './chatwoot-fixtures.js';
export * from './fake-chatwoot-server.js';
export * from './cache-contract.js';
export * from './inbound-message.js';
export * from './wait-for.js';
export * from './recording-worker.js';
export * from './inbound-queue-contract.js';
export * from './state-store-contract.js';
export * from './vector-store-contract.js';
export * from './document-store-contract.js';
export * from './built-dist.js';
export * from './intake-fakes.js';
export * from './odoo-fixtures.js';
export * from './rejection.js';
export * from './idempotency-store-contract.js';
export * from './crew-cluster.js';
export * from './stores-under-test.js';
