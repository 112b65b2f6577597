import { isCrewError, type TenantConfig } from '@mcp-crew/core';
import { OdooClient } from '@mcp-crew/odoo-client';

/** One check of `POST /admin/tenants/:id/test-connections`. */
export interface ConnectionCheck {
  name: 'chatwoot' | 'odoo';
  ok: boolean;
  /** Why it was not run (nothing configured), or what it found. Never a secret. */
  detail: string;
  skipped?: boolean;
}

const TIMEOUT_MS = 5000;

/**
 * Chatwoot reachable with the bot token. An Agent Bot token may only call the few conversation endpoints
 * bots need (Chatwoot's `BOT_ACCESSIBLE_ENDPOINTS`), so there is no bot-readable, conversation-independent
 * endpoint. `GET /api/v1/profile` tells the cases apart without touching anything: a user token gets 200, a
 * valid bot token gets 401 "not authorized for bots", an unknown token 401 "Invalid Access Token".
 */
export async function checkChatwoot(
  tenant: TenantConfig,
  fetchFn: typeof fetch = fetch,
): Promise<ConnectionCheck> {
  const { baseUrl, botToken } = tenant.chatwoot;
  if (!baseUrl || !botToken)
    return {
      name: 'chatwoot',
      ok: false,
      skipped: true,
      detail: 'chatwoot.baseUrl and chatwoot.botToken are not both set',
    };
  try {
    const response = await fetchFn(new URL('/api/v1/profile', baseUrl), {
      headers: { api_access_token: botToken.reveal(), accept: 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    if (response.ok)
      return { name: 'chatwoot', ok: true, detail: 'reachable; the token is a user access token' };
    if (response.status === 401 && /not authorized for bots/i.test(text))
      return { name: 'chatwoot', ok: true, detail: 'reachable; the token is a valid agent-bot token' };
    if (response.status === 401)
      return { name: 'chatwoot', ok: false, detail: 'reachable, but Chatwoot does not accept the token' };
    return { name: 'chatwoot', ok: false, detail: `reachable, but it answered HTTP ${response.status}` };
  } catch (error) {
    return {
      name: 'chatwoot',
      ok: false,
      detail: `not reachable (${error instanceof Error ? error.name : 'error'})`,
    };
  }
}

/** Odoo login works: the Odoo client's `authenticate` with the tenant's database, user and API key. */
export async function checkOdoo(tenant: TenantConfig): Promise<ConnectionCheck> {
  const odoo = tenant.odoo;
  if (!odoo) return { name: 'odoo', ok: false, skipped: true, detail: 'no Odoo connection configured' };
  if (!/^https?:\/\//.test(odoo.url))
    return { name: 'odoo', ok: false, detail: 'odoo.url is "sandbox" but this process runs no Odoo sandbox' };
  try {
    const uid = await OdooClient.fromConnection(odoo, tenant.id, { timeoutMs: TIMEOUT_MS }).authenticate();
    return { name: 'odoo', ok: true, detail: `logged in to database "${odoo.db}" as user id ${uid}` };
  } catch (error) {
    // OdooClient's errors are CrewErrors with the API key redacted.
    const reason = isCrewError(error) ? `${error.code}: ${error.message}` : 'unexpected error';
    return { name: 'odoo', ok: false, detail: `login failed (${reason})` };
  }
}
