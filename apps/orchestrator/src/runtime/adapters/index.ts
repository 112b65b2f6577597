// One factory per port: which adapter runs is read from settings.adapters (decided once in @mcp-crew/config).
export * from './shared.js';
export * from './knowledge.js';
export * from './model.js';
export * from './documents.js';
