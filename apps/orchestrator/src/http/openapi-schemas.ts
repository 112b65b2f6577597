/**
 * JSON schemas of what the HTTP API answers, for the OpenAPI description (components.schemas). They follow
 * the TypeScript types named in each description; openapi.spec checks every operation references them.
 */
const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const int = { type: 'integer' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const dependency = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['up', 'down'] }, kind: str, reason: str },
};

export const OPENAPI_SCHEMAS: Record<string, object> = {
  Error: {
    type: 'object',
    description:
      'Every error answer (CrewExceptionFilter): a stable code, a fixed message, what was expected.',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { ...str, example: 'WEBHOOK_INVALID_PAYLOAD' },
          message: str,
          path: { ...str, description: 'Field path of the offending value, when there is one' },
          domain: str,
          category: str,
          details: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
  WebhookOutcome: {
    description: 'What happened to an accepted delivery (WebhookOutcome).',
    oneOf: [
      {
        type: 'object',
        required: ['status', 'deliveryId'],
        properties: { status: { type: 'string', enum: ['queued', 'duplicate'] }, deliveryId: str },
      },
      {
        type: 'object',
        required: ['status', 'reason'],
        properties: {
          status: { type: 'string', enum: ['ignored'] },
          reason: { ...str, example: 'outgoing_message' },
        },
      },
    ],
  },
  Health: {
    type: 'object',
    description:
      'Terminus health result: each dependency (or tenant system) with its state, kind and reason.',
    required: ['status', 'details'],
    properties: {
      status: { type: 'string', enum: ['ok', 'error'] },
      info: { type: 'object', additionalProperties: dependency },
      error: { type: 'object', additionalProperties: dependency },
      details: { type: 'object', additionalProperties: dependency },
    },
  },
  Liveness: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['ok'] } },
  },
  TenantView: {
    type: 'object',
    description:
      'A tenant as the admin API shows it (TenantView): every setting; for each secret only whether it is set.',
    required: [
      'id',
      'name',
      'enabled',
      'language',
      'timezone',
      'defaultCrew',
      'inboxCrews',
      'enabledSpecialists',
      'chatwoot',
      'odooApi',
      'models',
    ],
    properties: {
      id: str,
      name: str,
      enabled: bool,
      chatwootAccountId: int,
      language: str,
      timezone: str,
      defaultCrew: str,
      inboxCrews: { type: 'object', additionalProperties: str },
      enabledSpecialists: { type: 'array', items: str },
      limits: {
        type: 'object',
        description:
          "The tenant's share: turns at once across every worker, model tokens per minute (0: no cap)",
        properties: { maxConcurrentTurns: int, modelTokensPerMinute: int },
      },
      chatwoot: {
        type: 'object',
        properties: {
          baseUrl: str,
          botTokenSet: bool,
          webhookSecretSet: bool,
          agentTokenSet: bool,
          allowUnsignedWebhooks: bool,
        },
      },
      crewSettings: {
        type: 'object',
        description:
          'Per crew: hours (mode, outOfHoursLabels), handoff (assign, teamId, salesLead) and media (voiceFallback, imageFallback) over the crew file',
        additionalProperties: { type: 'object' },
      },
      odoo: {
        type: 'object',
        properties: {
          url: str,
          db: str,
          user: str,
          apiKeySet: bool,
          protocol: str,
          writeToolsEnabled: bool,
          sandbox: bool,
        },
      },
      odooApi: { type: 'object', properties: { apiKeySet: bool, signingSecretSet: bool } },
      models: {
        type: 'object',
        additionalProperties: { type: 'object', properties: { apiKeySet: bool, baseUrl: str } },
      },
      model: {
        type: 'object',
        description:
          "which of the tenant's models (provider = a name in models, or openai) each specialist uses, with timeout, token budget, vision and transcription",
      },
    },
  },
  TenantList: { type: 'array', items: ref('TenantView') },
  BusinessHours: {
    type: 'object',
    description: "The tenant's business hours (its opening_hours business data), every weekday listed",
    required: ['tenant', 'timezone', 'weekly', 'holidays', 'closedOnHolidays', 'notes', 'updatedAt'],
    properties: {
      tenant: str,
      timezone: { type: 'string', description: 'IANA time zone, e.g. America/Bogota' },
      weekly: {
        type: 'object',
        description: 'mon..sun → open intervals (HH:MM); an empty list is a closed day',
        additionalProperties: {
          type: 'array',
          items: { type: 'object', properties: { opens: str, closes: str } },
        },
      },
      holidays: {
        type: 'array',
        items: { type: 'object', properties: { date: { type: 'string', format: 'date' }, name: str } },
      },
      closedOnHolidays: bool,
      notes: { type: 'array', items: str },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  BusinessData: {
    type: 'object',
    required: ['tenant', 'datasets'],
    properties: {
      tenant: str,
      datasets: {
        type: 'object',
        description: 'name → dataset',
        additionalProperties: {
          type: 'object',
          properties: {
            description: str,
            meta: { type: 'object' },
            records: { type: 'array', items: { type: 'object' } },
            updatedAt: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  },
  CrewSettings: {
    type: 'object',
    description:
      "One crew's settings for the tenant: hours (mode, outOfHoursLabels), handoff (assign, teamId, salesLead), media (voiceFallback, imageFallback)",
    required: ['tenant', 'crew', 'crewFile', 'overrides', 'effective'],
    properties: {
      tenant: str,
      crew: str,
      crewFile: { type: 'object', description: "the crew file's values" },
      overrides: { type: 'object', description: "the tenant's changes" },
      effective: { type: 'object', description: 'what the next turn uses' },
    },
  },
  ConnectionChecks: {
    type: 'object',
    required: ['tenant', 'ok', 'checks'],
    properties: {
      tenant: str,
      ok: bool,
      checks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            name: { type: 'string', enum: ['chatwoot', 'odoo'] },
            ok: bool,
            detail: str,
            skipped: bool,
          },
        },
      },
    },
  },
  CopilotAnswer: {
    type: 'object',
    description:
      "The copilot's answer (CopilotAnswer): the reply, the Odoo records it touched, the session to continue.",
    required: ['reply', 'records', 'session_id'],
    properties: {
      reply: str,
      records: {
        type: 'array',
        items: { type: 'object', properties: { model: str, id: int, display_name: str, url: str } },
      },
      session_id: str,
      handoff: str,
    },
  },
  CopilotTracking: {
    type: 'object',
    required: ['tracking_id', 'status'],
    properties: { tracking_id: str, status: { type: 'string', enum: ['queued', 'processing'] } },
  },
  CopilotJob: {
    type: 'object',
    description: 'A tracked copilot request (CopilotJobView).',
    required: ['tracking_id', 'status', 'created_at'],
    properties: {
      tracking_id: str,
      status: { type: 'string', enum: ['queued', 'processing', 'completed', 'failed'] },
      output: ref('CopilotAnswer'),
      error: { type: 'object', properties: { code: str, message: str } },
      created_at: str,
      finished_at: str,
    },
  },
  OdooEventOutcome: {
    type: 'object',
    description: 'What one change notice did (OdooEventOutcome).',
    required: ['model', 'ids', 'operation', 'cache'],
    properties: {
      model: str,
      ids: { type: 'array', items: int },
      operation: str,
      cache: { type: 'object', properties: { invalidated: int } },
      products: {
        type: 'object',
        properties: {
          synced: { type: 'array', items: int },
          skipped: str,
          result: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
  OdooEventResults: {
    oneOf: [
      ref('OdooEventOutcome'),
      {
        type: 'object',
        required: ['results'],
        properties: { results: { type: 'array', items: ref('OdooEventOutcome') } },
      },
    ],
  },
};

export { ref as schemaRef };
