export * from './analyze.js';
export * from './local-embedder.js';
export * from './openai-embedder.js';
