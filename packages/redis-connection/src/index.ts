export * from './redis-target.js';
