import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  CrewError,
  Secret,
  tenantId,
  type OdooConnection,
  type TenantConfig,
  type TenantDirectory,
  type TenantId,
} from '@mcp-crew/core';
import { interpolateEnv } from './interpolate.js';
import { ODOO_SANDBOX_CREDENTIALS } from './sandbox.js';
import { tenantFileSchema, type TenantFileEntry } from './tenant-file-schema.js';

export interface TenantFileOptions {
  env?: NodeJS.ProcessEnv;
  /** Base URL that replaces `odoo.url: sandbox`. */
  sandboxUrl?: string;
}

/**
 * The embedded tenant directory: one YAML or JSON file, secrets referenced as `${ENV_VAR}`. Validated
 * when loaded; every error names the file and the field path.
 */
export class FileTenantDirectory implements TenantDirectory {
  private constructor(private readonly tenants: Map<TenantId, TenantConfig>) {}

  static async load(file: string, options: TenantFileOptions = {}): Promise<FileTenantDirectory> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw configError(`${file}: cannot read the tenants file`, { file }, cause);
    }
    return FileTenantDirectory.fromText(text, file, options);
  }

  static fromText(text: string, file: string, options: TenantFileOptions = {}): FileTenantDirectory {
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch (cause) {
      throw configError(`${file}: not valid YAML/JSON: ${(cause as Error).message}`, { file }, cause);
    }
    const parsed = tenantFileSchema.safeParse(interpolateEnv(raw, options.env ?? process.env));
    if (!parsed.success) throw invalid(file, parsed.error);
    const entries = parsed.data.tenants.map((t) => toTenantConfig(t, options.sandboxUrl));
    return new FileTenantDirectory(new Map(entries.map((t) => [t.id, t])));
  }

  async get(id: TenantId): Promise<TenantConfig | undefined> {
    return this.tenants.get(id);
  }

  async list(): Promise<TenantConfig[]> {
    return [...this.tenants.values()];
  }

  ids(): TenantId[] {
    return [...this.tenants.keys()];
  }

  /** Synchronous lookup for the webhook's hot path (the file directory is fully in memory). */
  peek(id: string): TenantConfig | undefined {
    return this.tenants.get(id as TenantId);
  }
}

function toTenantConfig(entry: TenantFileEntry, sandboxUrl?: string): TenantConfig {
  const { odoo, ...rest } = entry;
  return {
    ...rest,
    id: tenantId(entry.id),
    odoo: odoo ? toOdooConnection(entry.id, odoo, sandboxUrl) : undefined,
  };
}

/** Maps a tenant entry's `odoo` block (file or store) to the connection the runtime uses. */
export function toOdooConnection(
  id: string,
  odoo: NonNullable<TenantFileEntry['odoo']>,
  sandboxUrl?: string,
): OdooConnection {
  const missing = (['db', 'user', 'apiKey'] as const).filter((k) => odoo[k] === undefined);
  if (odoo.url !== 'sandbox' && missing.length > 0) {
    throw configError(`tenant "${id}": odoo.${missing.join(', odoo.')} required when odoo.url is set`, {
      tenant: id,
    });
  }
  return {
    url: odoo.url === 'sandbox' ? (sandboxUrl ?? 'sandbox') : odoo.url,
    db: odoo.db ?? ODOO_SANDBOX_CREDENTIALS.db,
    user: odoo.user ?? ODOO_SANDBOX_CREDENTIALS.user,
    apiKey: odoo.apiKey ?? new Secret(ODOO_SANDBOX_CREDENTIALS.apiKey),
    protocol: odoo.protocol === 'auto' ? undefined : odoo.protocol,
    allowWrites: odoo.allowWrites,
    sandbox: odoo.url === 'sandbox',
  };
}

function invalid(file: string, error: z.ZodError): CrewError {
  const problems = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return configError(`${file}: ${problems.join('; ')}`, { file, problems });
}

function configError(message: string, details: Record<string, unknown>, cause?: unknown): CrewError {
  return new CrewError('TENANT_CONFIG_INVALID', message, {
    domain: 'config',
    category: 'user',
    details,
    cause,
  });
}
