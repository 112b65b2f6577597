export * from './serve-stdio.js';
export * from './serve-http.js';
export * from './in-process.js';
export * from './bearer-token.js';
export * from './tool-result.js';
export * from './transport-args.js';
export * from './register-tools.js';
export * from './idempotency-meta.js';
