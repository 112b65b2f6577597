import {
  DEFAULT_TENANT_LIMITS,
  odooApiCredentials,
  type TenantConfig,
  type TenantLimits,
  type TenantModelSettings,
} from '@mcp-crew/core';

/** A tenant as the admin API shows it: every setting, and for each secret only whether it is set. */
export interface TenantView {
  id: string;
  name: string;
  enabled: boolean;
  chatwootAccountId?: number;
  language: string;
  timezone: string;
  defaultCrew: string;
  inboxCrews: Record<string, string>;
  enabledSpecialists: string[];
  limits: TenantLimits;
  chatwoot: {
    baseUrl?: string;
    botTokenSet: boolean;
    webhookSecretSet: boolean;
    agentTokenSet: boolean;
    allowUnsignedWebhooks: boolean;
  };
  crewSettings: TenantConfig['crewSettings'];
  odoo?: {
    url: string;
    db: string;
    user: string;
    apiKeySet: boolean;
    protocol: string;
    writeToolsEnabled: boolean;
    sandbox: boolean;
  };
  odooApi: { apiKeySet: boolean; signingSecretSet: boolean };
  models: Record<string, { apiKeySet: true; baseUrl?: string }>;
  /** Which model each specialist uses (no secrets: keys live in `models`). */
  model?: TenantModelSettings;
}

export function tenantView(
  tenant: TenantConfig,
  models: Record<string, { baseUrl?: string }> = tenant.models ?? {},
): TenantView {
  const { chatwoot, odoo } = tenant;
  const odooApi = odooApiCredentials(tenant);
  return {
    id: tenant.id,
    name: tenant.name,
    enabled: tenant.enabled,
    ...(tenant.chatwootAccountId !== undefined ? { chatwootAccountId: tenant.chatwootAccountId } : {}),
    language: tenant.language,
    timezone: tenant.timezone,
    defaultCrew: tenant.defaultCrew,
    inboxCrews: { ...tenant.inboxCrews },
    enabledSpecialists: [...tenant.enabledSpecialists],
    limits: { ...(tenant.limits ?? DEFAULT_TENANT_LIMITS) },
    chatwoot: {
      ...(chatwoot.baseUrl ? { baseUrl: chatwoot.baseUrl } : {}),
      botTokenSet: Boolean(chatwoot.botToken),
      webhookSecretSet: Boolean(chatwoot.webhookSecret),
      agentTokenSet: Boolean(chatwoot.agentToken),
      allowUnsignedWebhooks: chatwoot.allowUnsignedWebhooks,
    },
    crewSettings: structuredClone(tenant.crewSettings ?? {}),
    ...(odoo
      ? {
          odoo: {
            url: odoo.url,
            db: odoo.db,
            user: odoo.user,
            apiKeySet: Boolean(odoo.apiKey),
            protocol: odoo.protocol ?? 'auto',
            writeToolsEnabled: odoo.allowWrites,
            sandbox: odoo.sandbox,
          },
        }
      : {}),
    odooApi: { apiKeySet: Boolean(odooApi?.apiKey), signingSecretSet: Boolean(odooApi?.signingSecret) },
    models: Object.fromEntries(
      Object.entries(models).map(([name, m]) => [
        name,
        { apiKeySet: true as const, ...(m.baseUrl ? { baseUrl: m.baseUrl } : {}) },
      ]),
    ),
    ...(tenant.model ? { model: structuredClone(tenant.model) } : {}),
  };
}
