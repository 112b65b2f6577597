export * from './bootstrap.js';
export * from './serve.js';
export * from './logger.js';
export * from './metrics/metrics.js';
export * from './runtime/runtime.js';
export * from './runtime/create-runtime.js';
export * from './runtime/start-sandbox.js';
