export * from './tools/tool.js';
export * from './server.js';
export * from './env.js';
export * from './run.js';
