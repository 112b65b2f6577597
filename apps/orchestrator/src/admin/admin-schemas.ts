import { z } from 'zod';
import {
  businessDatasetIssues,
  businessHoursDocumentSchema,
  CREW_NAMES,
  crewSettingsPatchSchema,
  DATASET_NAME_PATTERN,
  SPECIALIST_KINDS,
} from '@mcp-crew/core';

// Request bodies of the admin API. Secrets are plain strings in, sealed by the tenant store; `null` removes one.
const secret = z.string().min(8, 'expected a secret of at least 8 characters');
const removableSecret = secret.nullable().optional();

/** Non-secret fields of a tenant (a JSON merge patch: absent fields stay as they are). */
export const updateTenantBody = z
  .object({
    name: z.string().min(1).optional(),
    chatwootAccountId: z.number().int().positive().nullable().optional(),
    language: z.enum(['es', 'pt', 'en']).optional(),
    timezone: z.string().min(1).optional(),
    defaultCrew: z.enum(CREW_NAMES).optional(),
  })
  .strict();

export const chatwootCredentialsBody = z
  .object({
    baseUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
    botToken: removableSecret,
    webhookSecret: removableSecret,
    /** A Chatwoot administrator's access token, read-only use: agents, team members, open counts (hand-over routing). */
    agentToken: removableSecret,
    allowUnsignedWebhooks: z.boolean().optional(),
  })
  .strict();

export const odooConnectionBody = z
  .object({
    url: z.union([z.literal('sandbox'), z.url({ protocol: /^https?$/ })]),
    db: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    apiKey: secret.optional(),
    protocol: z.enum(['jsonrpc', 'xmlrpc', 'json2', 'auto']).optional(),
  })
  .strict();

export const modelCredentialsBody = z
  .object({ apiKey: secret, baseUrl: z.url({ protocol: /^https?$/ }).optional() })
  .strict();

export const MODEL_PROVIDER = /^[a-z][a-z0-9_-]{0,31}$/;

const modelChoice = {
  provider: z.string().regex(MODEL_PROVIDER).nullable().optional(),
  name: z.string().min(1).max(200).nullable().optional(),
  timeoutMs: z.number().int().min(100).max(600_000).nullable().optional(),
  tokenBudget: z.number().int().min(0).nullable().optional(),
  vision: z.boolean().nullable().optional(),
};

/**
 * Which model the tenant's specialists use (a JSON merge patch over its `model` settings: `null` removes a
 * field). Keys are not here: `provider` names one of the tenant's `models` (PUT .../models/{provider}).
 */
export const modelSettingsBody = z
  .object({
    ...modelChoice,
    specialists: z
      .partialRecord(z.enum(SPECIALIST_KINDS), z.object(modelChoice).strict().nullable())
      .nullable()
      .optional(),
    transcription: z
      .object({ provider: modelChoice.provider, name: modelChoice.name, timeoutMs: modelChoice.timeoutMs })
      .strict()
      .nullable()
      .optional(),
    images: z
      .object({ provider: modelChoice.provider, name: modelChoice.name, timeoutMs: modelChoice.timeoutMs })
      .strict()
      .nullable()
      .optional(),
    selector: z
      .object({ provider: modelChoice.provider, name: modelChoice.name, timeoutMs: modelChoice.timeoutMs })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

/** Inbox id → crew; `null` goes back to the crew chosen by channel type. */
export const inboxesBody = z
  .object({
    inboxes: z.record(
      z.string().regex(/^\d+$/, 'expected a Chatwoot inbox id'),
      z.enum(CREW_NAMES).nullable(),
    ),
  })
  .strict();

export const specialistsBody = z.object({ specialists: z.array(z.enum(SPECIALIST_KINDS)).min(1) }).strict();

export const writeToolsBody = z.object({ enabled: z.boolean() }).strict();

/** How the tenant's Odoo authenticates when it calls `/odoo/{tenant}/...`. */
export const odooApiCredentialsBody = z
  .object({ apiKey: removableSecret, signingSecret: removableSecret })
  .strict();

/** A tenant as the tenants file describes it (validated in full by the tenant store, with field paths). */
export const createTenantBody = z.looseObject({ id: z.string(), name: z.string() });

/**
 * A tenant's business hours: IANA time zone, open intervals (`HH:MM`) per weekday (a day left out or with no
 * intervals is closed; intervals must not overlap), closed dates with an optional name.
 */
export const businessHoursBody = businessHoursDocumentSchema;

/**
 * Business datasets by name (`datasets: {name: {description, meta, records}}`, the shape of
 * `collections/business_data/<tenant>.yaml`): each named one replaced, `null` removes one, others stay.
 * Known names (opening_hours, delivery_zones, payment_methods, faq) are checked against their schema.
 */
export const businessDataBody = z
  .object({
    datasets: z.record(
      z.string().regex(DATASET_NAME_PATTERN, 'expected a snake_case dataset name'),
      z
        .object({
          description: z.string().min(1),
          meta: z.record(z.string(), z.json()).optional(),
          records: z.array(z.record(z.string(), z.json())),
        })
        .strict()
        .nullable(),
    ),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const [name, dataset] of Object.entries(body.datasets)) {
      if (!dataset || !DATASET_NAME_PATTERN.test(name)) continue;
      for (const issue of businessDatasetIssues(name, dataset.meta, dataset.records))
        ctx.addIssue({ code: 'custom', path: ['datasets', name, ...issue.path], message: issue.message });
    }
  });

/** A JSON merge patch over one crew's settings for the tenant (`null` goes back to the crew file's value). */
export const crewSettingsBody = crewSettingsPatchSchema;

export type BusinessDataBody = z.infer<typeof businessDataBody>;
export type UpdateTenantBody = z.infer<typeof updateTenantBody>;
export type ChatwootCredentialsBody = z.infer<typeof chatwootCredentialsBody>;
export type OdooConnectionBody = z.infer<typeof odooConnectionBody>;
export type ModelCredentialsBody = z.infer<typeof modelCredentialsBody>;
export type ModelSettingsBody = z.infer<typeof modelSettingsBody>;
export type InboxesBody = z.infer<typeof inboxesBody>;
export type OdooApiCredentialsBody = z.infer<typeof odooApiCredentialsBody>;
