import { createRecord } from '../orm/crud.js';
import type { Env } from '../orm/types.js';

/** Creates a record with a fixed id through the normal ORM path (defaults, hooks, commands). */
export function put(env: Env, model: string, id: number, vals: Record<string, unknown>): number {
  env.db.setNextId(model, id);
  return createRecord(env, model, vals, true);
}

/** EAN-13 with its check digit, from a 12-digit prefix (Colombia's GS1 prefix is 770). */
export function ean13(prefix12: string): string {
  const sum = [...prefix12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return prefix12 + String((10 - (sum % 10)) % 10);
}
