export { startOdooSandbox, type OdooSandbox, type OdooSandboxOptions } from './sandbox.js';
export type { SandboxStats } from './rpc/services.js';
export { SANDBOX_USERS, SEED_TIME, createSandboxDatabase, type SeedName } from './seed/index.js';
export { SANDBOX_VERSION } from './rpc/version.js';
export { Database } from './orm/database.js';
export { compileDomain } from './orm/domain.js';
