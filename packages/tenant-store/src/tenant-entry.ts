import type { z } from 'zod';
import { modelEndpointSchema, tenantFileEntrySchema, toOdooConnection } from '@mcp-crew/config';
import { CrewError, tenantId, type TenantConfig } from '@mcp-crew/core';

/** A model provider's credentials (OpenAI or any OpenAI-compatible endpoint). */
export const modelCredentialSchema = modelEndpointSchema;

/**
 * A stored tenant: the tenants-file entry, same schema and defaults (model endpoints included, their keys
 * sealed at rest like every other secret).
 */
export const tenantStoreEntrySchema = tenantFileEntrySchema;

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
  const { odoo, ...rest } = entry;
  return {
    ...rest,
    id: tenantId(entry.id),
    odoo: odoo ? toOdooConnection(entry.id, odoo, sandboxUrl) : undefined,
  };
}

function invalid(message: string, details: Record<string, unknown>): CrewError {
  return new CrewError('TENANT_CONFIG_INVALID', message, { domain: 'config', category: 'user', details });
}
