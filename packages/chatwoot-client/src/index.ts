export * from './chatwoot-errors.js';
export * from './chatwoot-http.js';
export * from './sliding-window-limiter.js';
export * from './conversation-snapshot.js';
export * from './http-chatwoot-gateway.js';
export * from './console-chatwoot-gateway.js';
export * from './http-chatwoot-routing.js';
export * from './chatwoot-attachments.js';
