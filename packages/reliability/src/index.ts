export * from './turn-scope.js';
export * from './tenant-breakers.js';
export * from './guarded-call.js';
export * from './endpoint-breakers.js';
