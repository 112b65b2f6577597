import type { JsonObject, Secret, TenantId } from '@mcp-crew/core';
import type { SecretBox } from './secrets/secret-box.js';
import { secretPaths, type TenantStoreEntry } from './tenant-entry.js';

type Mutable = Record<string, unknown>;

/** Visits each secret slot that holds a value, replacing it with what `change` returns. */
function mapSecrets(
  tree: Mutable,
  change: (value: unknown, context: string) => unknown,
  tenant: string,
): void {
  for (const path of secretPaths(tree as { models?: Record<string, unknown> })) {
    const parent = path
      .slice(0, -1)
      .reduce<Mutable | undefined>((node, key) => node?.[key] as Mutable | undefined, tree);
    const leaf = path.at(-1)!;
    if (parent && parent[leaf] !== undefined && parent[leaf] !== null)
      parent[leaf] = change(parent[leaf], `${tenant}/${path.join('.')}`);
  }
}

/** The stored form: the entry as JSON with every secret sealed. */
export function sealEntry(entry: TenantStoreEntry, box: SecretBox): JsonObject {
  // Secret.toJSON redacts, so secrets are sealed before the copy goes through JSON.
  const tree = {
    ...entry,
    chatwoot: { ...entry.chatwoot },
    odoo: entry.odoo && { ...entry.odoo },
    odooApi: entry.odooApi && { ...entry.odooApi },
    models: Object.fromEntries(Object.entries(entry.models).map(([k, v]) => [k, { ...v }])),
  } as Mutable;
  mapSecrets(tree, (value, context) => box.seal(value as Secret, context), entry.id);
  return JSON.parse(JSON.stringify(tree)) as JsonObject;
}

/**
 * The stored form opened back into raw input (secrets as plain strings), ready for a merge patch and the
 * schema. Lives only in memory for the length of one write.
 */
export function openToInput(id: TenantId, stored: JsonObject, box: SecretBox): Mutable {
  const tree = structuredClone(stored) as Mutable;
  mapSecrets(tree, (value, context) => box.open(String(value), context).reveal(), id);
  return tree;
}

/** A copy of a change with every secret slot replaced by `[redacted]`, safe for the audit log. */
export function redactSecrets(change: unknown, tenant: string): unknown {
  if (change === null || typeof change !== 'object') return change;
  const tree = structuredClone(change) as Mutable;
  mapSecrets(tree, () => '[redacted]', tenant);
  return tree;
}
