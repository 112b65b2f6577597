import { z } from 'zod';
import {
  CREW_NAMES,
  DEFAULT_SALES_SETTINGS,
  DEFAULT_TENANT_LIMITS,
  crewSettingsOverrideSchema,
  SPECIALIST_KINDS,
  Secret,
  TENANT_ID_PATTERN,
} from '@mcp-crew/core';

const secret = z
  .string()
  .min(8, 'expected a secret of at least 8 characters')
  .transform((v) => new Secret(v))
  .optional();
const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const chatwootSchema = z
  .object({
    baseUrl: z.url().optional(),
    botToken: secret,
    webhookSecret: secret,
    /** A Chatwoot administrator's access token: reads agents, team members and open counts to route hand-overs. */
    agentToken: secret,
    allowUnsignedWebhooks: bool.default(false),
  })
  .strict();

const odooSchema = z
  .object({
    /** A URL, or `sandbox` for the Odoo sandbox that the main job starts on ODOO_SANDBOX_PORT. */
    url: z.union([z.literal('sandbox'), z.url()]),
    db: z.string().min(1).optional(),
    user: z.string().min(1).optional(),
    apiKey: secret,
    protocol: z.enum(['jsonrpc', 'xmlrpc', 'json2', 'auto']).default('auto'),
    allowWrites: bool.default(false),
  })
  .strict();

/** Credentials the tenant's Odoo presents when it calls MCP-Crew (`/odoo/{tenant}/...`). */
const odooApiSchema = z
  .object({
    apiKey: secret,
    signingSecret: secret,
  })
  .strict();

/** The tenant's share of the workers and the model (see DEFAULT_TENANT_LIMITS for why these defaults). */
const limitsSchema = z
  .object({
    maxConcurrentTurns: z.coerce
      .number()
      .int()
      .min(1, 'expected at least 1 turn at once')
      .max(10_000)
      .default(DEFAULT_TENANT_LIMITS.maxConcurrentTurns),
    modelTokensPerMinute: z.coerce
      .number()
      .int()
      .min(0, 'expected 0 (no cap) or more tokens per minute')
      .max(1_000_000_000)
      .default(DEFAULT_TENANT_LIMITS.modelTokensPerMinute),
  })
  .strict();

/** One OpenAI or OpenAI-compatible endpoint of the tenant: its key (sealed in the tenant store) and URL. */
export const modelEndpointSchema = z
  .object({
    apiKey: z
      .string()
      .min(8, 'expected a secret of at least 8 characters')
      .transform((v) => new Secret(v)),
    baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();

export const MODEL_PROVIDER_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

const modelChoiceFields = {
  /** A name in `models`, or `openai` (the tenant's `models.openai`, else the environment's key and URL). */
  provider: z.string().regex(MODEL_PROVIDER_NAME, 'expected a provider name such as openai').optional(),
  name: z.string().min(1).max(200).optional(),
  timeoutMs: z.coerce.number().int().min(100).max(600_000).optional(),
  tokenBudget: z.coerce.number().int().min(0).optional(),
  vision: bool.optional(),
};
const modelChoiceSchema = z.object(modelChoiceFields).strict();

/** Which model the tenant's specialists use (each may override), and the speech-to-text endpoint. */
export const tenantModelSchema = z
  .object({
    ...modelChoiceFields,
    specialists: z.partialRecord(z.enum(SPECIALIST_KINDS), modelChoiceSchema).optional(),
    transcription: z
      .object({
        provider: modelChoiceFields.provider,
        name: z.string().min(1).max(200).default('whisper-1'),
        timeoutMs: modelChoiceFields.timeoutMs,
      })
      .strict()
      .optional(),
    /** A vision-capable model that only describes photos (the specialists may run on another model). */
    images: z
      .object({
        provider: modelChoiceFields.provider,
        name: z.string().min(1).max(200),
        timeoutMs: modelChoiceFields.timeoutMs,
      })
      .strict()
      .optional(),
    /** The specialist selector's model; unset fields come from the tenant's default choice. */
    selector: z
      .object({
        provider: modelChoiceFields.provider,
        name: modelChoiceFields.name,
        timeoutMs: modelChoiceFields.timeoutMs,
      })
      .strict()
      .optional(),
  })
  .strict();

export const tenantFileEntrySchema = z
  .object({
    id: z.string().regex(TENANT_ID_PATTERN, 'expected lowercase letters, digits, "-" or "_"'),
    name: z.string().min(1),
    chatwootAccountId: z.coerce.number().int().positive().optional(),
    language: z.enum(['es', 'pt', 'en']).default('es'),
    timezone: z.string().default('America/Bogota'),
    enabled: bool.default(true),
    chatwoot: chatwootSchema.default({ allowUnsignedWebhooks: false }),
    odoo: odooSchema.optional(),
    odooApi: odooApiSchema.optional(),
    inboxCrews: z.record(z.string().regex(/^\d+$/, 'expected an inbox id'), z.enum(CREW_NAMES)).default({}),
    defaultCrew: z.enum(CREW_NAMES).default('webchat'),
    enabledSpecialists: z
      .array(z.enum(SPECIALIST_KINDS))
      .min(1)
      .default([...SPECIALIST_KINDS]),
    limits: limitsSchema.default({ ...DEFAULT_TENANT_LIMITS }),
    /** Per crew: business-hours mode, hand-over routing (Chatwoot team id, assign, sales lead) and media fallbacks over the crew file's. */
    crewSettings: z.partialRecord(z.enum(CREW_NAMES), crewSettingsOverrideSchema).optional(),
    /** The tenant's model endpoints by name (`openai`, `local`, ...); keys sealed at rest in the tenant store. */
    models: z
      .record(
        z.string().regex(MODEL_PROVIDER_NAME, 'expected a provider name such as openai'),
        modelEndpointSchema,
      )
      .default({}),
    model: tenantModelSchema.optional(),
    // Orders above these go to a salesperson as a CRM lead instead of an automatic quotation.
    sales: z
      .object({
        bigOrderUnits: z.coerce.number().int().positive().default(DEFAULT_SALES_SETTINGS.bigOrderUnits),
        bigOrderAmount: z.coerce.number().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    // A named provider must exist: `openai` alone may fall back to the environment.
    const known = (provider: string | undefined) =>
      provider === undefined || provider === 'openai' || provider in entry.models;
    const check = (provider: string | undefined, path: Array<string | number>) => {
      if (!known(provider))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `provider "${provider}" is not among the tenant's models`,
        });
    };
    check(entry.model?.provider, ['model', 'provider']);
    check(entry.model?.transcription?.provider, ['model', 'transcription', 'provider']);
    check(entry.model?.images?.provider, ['model', 'images', 'provider']);
    check(entry.model?.selector?.provider, ['model', 'selector', 'provider']);
    for (const [kind, choice] of Object.entries(entry.model?.specialists ?? {}))
      check(choice?.provider, ['model', 'specialists', kind, 'provider']);
  });

export const tenantFileSchema = z
  .object({ tenants: z.array(tenantFileEntrySchema) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.tenants.forEach((t, i) => {
      if (seen.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['tenants', i, 'id'],
          message: `duplicate tenant id "${t.id}"`,
        });
      seen.add(t.id);
    });
  });

export type TenantFileEntry = z.infer<typeof tenantFileEntrySchema>;
