// Test support for every package's specs; each module appends its export below.
export * from './chatwoot-fixtures.js';
