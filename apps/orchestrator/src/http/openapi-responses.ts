import { schemaRef } from './openapi-schemas.js';

interface Answer {
  description: string;
  schema?: string;
  /** A content type other than JSON (Prometheus text). */
  text?: string;
}

type Responses = Record<string, Answer>;

const E = (description: string): Answer => ({ description, schema: 'Error' });
const ADMIN_ERRORS: Responses = {
  '400': E('invalid body or id (code, field path, what was expected)'),
  '401': E('missing or wrong operator key'),
  '404': E('no such tenant'),
  '409': E('tenants come from the read-only tenants file, or a concurrent change'),
  '500': E('unexpected failure'),
  '503': E('admin API disabled: OPERATOR_API_KEY is not set'),
};
const ODOO_ERRORS: Responses = {
  '400': E('invalid body'),
  '401': E("missing or wrong API key or signature (the tenant's Odoo credentials)"),
  '403': E('the tenant is disabled, or the key belongs to another tenant'),
  '404': E('no such tenant or job'),
  '429': E('rate limit of the tenant reached (Retry-After)'),
  '500': E('unexpected failure'),
};
const answer = (schema: string, description: string, notFound = 'no such tenant') => ({
  '200': { description, schema },
  ...ADMIN_ERRORS,
  '404': E(notFound),
});
const tenant = (description: string) => ({ '200': { description, schema: 'TenantView' }, ...ADMIN_ERRORS });

/**
 * Every operation's answers, keyed by "METHOD path" as the OpenAPI document names them. Listed here rather
 * than in decorators so the error shape and the status codes stay in one place; a test fails when an
 * operation is missing.
 */
export const OPERATION_RESPONSES: Record<string, Responses> = {
  'POST /webhooks/chatwoot/{tenantId}': {
    '200': {
      description: 'accepted: queued, a duplicate, or ignored with the reason',
      schema: 'WebhookOutcome',
    },
    '400': E('not JSON, an invalid payload (field path), or a missing X-Chatwoot-Delivery'),
    '401': E('bad or missing signature, stale timestamp, or an unknown tenant (answered alike)'),
    '403': E('the account does not belong to the tenant, or the tenant is disabled'),
    '413': E('body over 1 MiB'),
    '500': E('the queue is unavailable: Chatwoot retries'),
  },
  'GET /health': {
    '200': { description: 'every dependency up', schema: 'Health' },
    '503': { description: 'a dependency is down: which and why', schema: 'Health' },
    '500': E('unexpected failure'),
  },
  'GET /health/ready': {
    '200': { description: 'every dependency up', schema: 'Health' },
    '503': { description: 'a dependency is down: which and why', schema: 'Health' },
    '500': E('unexpected failure'),
  },
  'GET /health/live': {
    '200': { description: 'the process answers', schema: 'Liveness' },
    '500': E('unexpected failure'),
  },
  'GET /health/tenants': {
    '200': { description: "every tenant's Odoo and Chatwoot answer", schema: 'Health' },
    '503': { description: 'a tenant system is unreachable: which and why', schema: 'Health' },
    '500': E('unexpected failure'),
  },
  'GET /metrics': {
    '200': { description: 'Prometheus exposition format', text: 'text/plain; version=0.0.4' },
    '500': E('unexpected failure'),
  },
  'GET /admin/tenants': { '200': { description: 'every tenant', schema: 'TenantList' }, ...ADMIN_ERRORS },
  'POST /admin/tenants': { '201': { description: 'created', schema: 'TenantView' }, ...ADMIN_ERRORS },
  'GET /admin/tenants/{id}': tenant('the tenant'),
  'PATCH /admin/tenants/{id}': tenant('the updated tenant'),
  'POST /admin/tenants/{id}/disable': tenant('the disabled tenant'),
  'POST /admin/tenants/{id}/enable': tenant('the enabled tenant'),
  'PUT /admin/tenants/{id}/chatwoot': tenant('the tenant with its new Chatwoot connection'),
  'PUT /admin/tenants/{id}/odoo': tenant('the tenant with its new Odoo connection'),
  'PUT /admin/tenants/{id}/models/{provider}': tenant('the tenant with the provider set'),
  'DELETE /admin/tenants/{id}/models/{provider}': tenant('the tenant without the provider'),
  'PUT /admin/tenants/{id}/model': tenant('the tenant with its model settings'),
  'PUT /admin/tenants/{id}/inboxes': tenant('the tenant with its inbox mapping'),
  'PUT /admin/tenants/{id}/specialists': tenant('the tenant with its specialists'),
  'PUT /admin/tenants/{id}/write-tools': tenant('the tenant with write tools on or off'),
  'PUT /admin/tenants/{id}/odoo-api': tenant('the tenant with its Odoo API credentials'),
  'GET /admin/tenants/{id}/business-hours': answer(
    'BusinessHours',
    'the business hours',
    'no such tenant, or it has no business hours yet',
  ),
  'PUT /admin/tenants/{id}/business-hours': answer('BusinessHours', 'the new business hours'),
  'GET /admin/tenants/{id}/business-data': answer('BusinessData', 'every business dataset'),
  'PUT /admin/tenants/{id}/business-data': answer('BusinessData', 'every business dataset after the change'),
  'GET /admin/tenants/{id}/crews/{crew}/settings': answer(
    'CrewSettings',
    "the crew's settings",
    'no such tenant, or the crew is not loaded',
  ),
  'PATCH /admin/tenants/{id}/crews/{crew}/settings': answer(
    'CrewSettings',
    "the crew's settings after the change",
    'no such tenant, or the crew is not loaded',
  ),
  'POST /admin/tenants/{id}/test-connections': {
    '200': { description: 'each check and its finding', schema: 'ConnectionChecks' },
    ...ADMIN_ERRORS,
  },
  'POST /odoo/{tenantId}/copilot': {
    '200': { description: 'answered within COPILOT_SYNC_BUDGET_MS', schema: 'CopilotAnswer' },
    '202': { description: 'still working (or ?async=1): poll the job', schema: 'CopilotTracking' },
    ...ODOO_ERRORS,
    '500': { description: 'the request failed: the job with its error', schema: 'CopilotJob' },
  },
  'GET /odoo/{tenantId}/copilot/jobs/{trackingId}': {
    '200': { description: 'the job', schema: 'CopilotJob' },
    ...ODOO_ERRORS,
  },
  'POST /odoo/{tenantId}/events': {
    '202': { description: 'applied: one outcome, or {results} for a batch', schema: 'OdooEventResults' },
    ...ODOO_ERRORS,
  },
};

/** The OpenAPI `responses` object of one operation. */
export function responsesFor(answers: Responses): Record<string, object> {
  return Object.fromEntries(
    Object.entries(answers).map(([status, a]) => [
      status,
      {
        description: a.description,
        content: a.text
          ? { [a.text]: { schema: { type: 'string' } } }
          : { 'application/json': { schema: schemaRef(a.schema ?? 'Error') } },
      },
    ]),
  );
}
