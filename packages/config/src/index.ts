export * from './settings.js';
export * from './interpolate.js';
export * from './tenant-file-schema.js';
export * from './file-tenant-directory.js';
export * from './sandbox.js';
