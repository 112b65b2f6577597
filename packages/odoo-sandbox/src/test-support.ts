import { createSandboxDatabase } from './seed/index.js';
import type { Env } from './orm/types.js';

/** A fresh seeded database and an admin environment, for small tests. Not exported from the package. */
export function adminEnv(now = '2026-02-01T10:00:00Z'): Env {
  const fixed = new Date(now);
  return { db: createSandboxDatabase('sandbox', 'demo', () => fixed), uid: 2, context: {} };
}
