export * from './tools/tool.js';
export * from './server.js';
export { OPENING_HOURS_TOOL, type OpeningHoursOutput } from './tools/opening-hours.js';
export * from './env.js';
export * from './run.js';
