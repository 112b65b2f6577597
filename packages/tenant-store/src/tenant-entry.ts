import { z } from 'zod';
import { tenantFileEntrySchema, toOdooConnection } from '@mcp-crew/config';
import { CrewError, Secret, tenantId, type TenantConfig } from '@mcp-crew/core';

const secret = z
  .string()
  .min(8, 'expected a secret of at least 8 characters')
  .transform((v) => new Secret(v));

/** A model provider's credentials (OpenAI or any OpenAI-compatible endpoint). */
export const modelCredentialSchema = z
  .object({ apiKey: secret, baseUrl: z.url({ protocol: /^https?$/ }).optional() })
  .strict();

/**
 * A stored tenant: the tenants-file entry (same schema, same defaults) plus model credentials, which only
 * the store holds (the file gets them from the environment).
 */
export const tenantStoreEntrySchema = tenantFileEntrySchema.extend({
  models: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'expected a provider name such as openai'),
      modelCredentialSchema,
    )
    .default({}),
});

export type TenantStoreEntry = z.infer<typeof tenantStoreEntrySchema>;
export type ModelCredential = z.infer<typeof modelCredentialSchema>;

/** Where secrets sit in an entry, as paths; the path is also the sealing context after the tenant id. */
export function secretPaths(entry: { models?: Record<string, unknown> | null }): string[][] {
  return [
    ['chatwoot', 'botToken'],
    ['chatwoot', 'webhookSecret'],
    ['chatwoot', 'agentToken'],
    ['odoo', 'apiKey'],
    ['odooApi', 'apiKey'],
    ['odooApi', 'signingSecret'],
    ...Object.keys(entry.models ?? {}).map((name) => ['models', name, 'apiKey']),
  ];
}

/** Validates raw input; every problem names its field path (never its value). */
export function parseTenantEntry(raw: unknown): TenantStoreEntry {
  const parsed = tenantStoreEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw invalid(`tenant configuration is invalid: ${problems.join('; ')}`, { problems });
  }
  return parsed.data;
}

/** The pipeline's view of a stored tenant (the same mapping as the tenants file). */
export function toTenantConfig(entry: TenantStoreEntry, sandboxUrl?: string): TenantConfig {
  const { odoo, models: _models, ...rest } = entry;
  return {
    ...rest,
    id: tenantId(entry.id),
    odoo: odoo ? toOdooConnection(entry.id, odoo, sandboxUrl) : undefined,
  };
}

function invalid(message: string, details: Record<string, unknown>): CrewError {
  return new CrewError('TENANT_CONFIG_INVALID', message, { domain: 'config', category: 'user', details });
}
