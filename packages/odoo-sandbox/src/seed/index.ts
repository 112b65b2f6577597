import { Database } from '../orm/database.js';
import { ALL_MODELS } from '../models/index.js';
import { parseDatetime } from '../rpc/py.js';
import { seedActivity } from './activity.js';
import { seedPartners } from './partners.js';
import { seedProducts } from './products.js';
import { seedReference } from './reference.js';

/** Users and keys of the seeded database. Sandbox-only values, safe to print. */
export const SANDBOX_USERS = {
  admin: { uid: 2, login: 'admin', apiKey: 'sandbox-admin-key' },
  demo: { uid: 6, login: 'demo', apiKey: 'sandbox-demo-key' },
} as const;

/** When the seed data was "recorded": every seeded timestamp is this, so runs are identical. */
export const SEED_TIME = '2026-01-05 12:00:00';

export type SeedName = 'demo' | 'empty';

/**
 * Builds the sandbox database. `demo` is Pinturas El Arcoíris (Medellín): partners, catalogue with
 * stock, pricelists, orders, leads, appointments and the support project. `empty` has only users,
 * company and reference data. Deterministic: no randomness, fixed timestamps.
 */
export function createSandboxDatabase(name: string, seed: SeedName = 'demo', now?: () => Date): Database {
  const db = new Database(name, ALL_MODELS);
  const env = { db, uid: 1, context: {} };
  const fixed = parseDatetime(SEED_TIME);
  db.now = () => fixed;
  db.transaction(() => {
    seedReference(env);
    seedPartners(env);
    if (seed === 'demo') {
      seedProducts(env);
      seedActivity(env);
    }
  });
  db.now = now ?? (() => new Date());
  db.readonlyUids.add(SANDBOX_USERS.demo.uid);
  for (const user of Object.values(SANDBOX_USERS))
    db.credentials.push({ uid: user.uid, login: user.login, secret: user.apiKey });
  return db;
}
