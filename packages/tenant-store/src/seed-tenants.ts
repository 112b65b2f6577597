import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { interpolateEnv, tenantFileSchema } from '@mcp-crew/config';
import { CrewError, tenantId, type TenantId } from '@mcp-crew/core';
import type { TenantStore } from './tenant-store.js';

export interface SeedTenantsOptions {
  env?: Record<string, string | undefined>;
  /** Replace tenants that already exist (default: leave them as they are, the store is the truth). */
  overwrite?: boolean;
}

export interface SeedTenantsResult {
  created: TenantId[];
  updated: TenantId[];
  skipped: TenantId[];
}

/**
 * Seeds the tenant store from a tenants file (the same YAML the file directory reads, `${ENV}` references
 * resolved). Idempotent: existing tenants are skipped unless `overwrite`.
 */
export async function seedTenantsFromFile(
  store: TenantStore,
  file: string,
  options: SeedTenantsOptions = {},
): Promise<SeedTenantsResult> {
  let raw: unknown;
  try {
    raw = interpolateEnv(parseYaml(await readFile(file, 'utf8')), options.env ?? process.env);
  } catch (cause) {
    throw new CrewError('TENANT_CONFIG_INVALID', `${file}: cannot read the tenants file`, {
      domain: 'config',
      category: 'user',
      details: { file },
      cause,
    });
  }
  // The whole file is checked first (duplicate ids, every field), so a bad file seeds nothing.
  const parsed = tenantFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new CrewError('TENANT_CONFIG_INVALID', `${file}: ${problems.join('; ')}`, {
      domain: 'config',
      category: 'user',
      details: { file, problems },
    });
  }
  const entries = (raw as { tenants: Array<Record<string, unknown>> }).tenants;
  const result: SeedTenantsResult = { created: [], updated: [], skipped: [] };
  for (const entry of entries) {
    const id = tenantId(String(entry.id));
    if (!(await store.get(id))) {
      await store.create(entry);
      result.created.push(id);
    } else if (options.overwrite) {
      // Merge patch semantics: keys absent from the file are kept; the file's values win.
      await store.update(id, entry, 'tenant.seed');
      result.updated.push(id);
    } else {
      result.skipped.push(id);
    }
  }
  return result;
}
