import { accessError } from '../rpc/faults.js';
import type { Env } from './types.js';

const VERBS = { create: 'create', write: 'modify', unlink: 'delete' } as const;

/** Model-level access: read-only users (the sandbox's `demo`) may read everything and change nothing. */
export function checkAccess(env: Env, model: string, operation: keyof typeof VERBS): void {
  if (!env.db.readonlyUids.has(env.uid)) return;
  const def = env.db.def(model);
  throw accessError(
    `You are not allowed to ${VERBS[operation]} '${def.description}' (${model}) records.\n\n` +
      'This operation is allowed for the following groups:\n' +
      `\t- ${def.writeGroup ?? 'Administration/Settings'}\n\n` +
      'Contact your administrator to request access if necessary.',
  );
}
