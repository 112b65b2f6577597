export { parseSandboxArgs } from './options.js';
