import { CrewError, odooApiCredentials, type TenantConfig } from '@mcp-crew/core';
import { checkChatwootSignature, type SignatureFailure } from '@mcp-crew/pipeline';
import { bearerToken, sameCredential } from '../http/constant-time.js';

export const TIMESTAMP_HEADER = 'x-crew-timestamp';
export const SIGNATURE_HEADER = 'x-crew-signature';
/** Signed requests older (or further in the future) than this are refused. */
export const MAX_SIGNATURE_AGE_SECONDS = 300;

export interface OdooCallRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
  nowMs: number;
}

/**
 * Checks that a call to `/odoo/{tenant}/...` comes from that tenant's Odoo: `Authorization: Bearer <api key>`
 * or `X-Crew-Signature: sha256=<hex HMAC-SHA256 of "{X-Crew-Timestamp}.{raw body}">` with a fresh timestamp.
 * Throws 401 (`AUTH_*`, `SIGNATURE_STALE`) or 403 (`TENANT_DISABLED`, `TENANT_FORBIDDEN`); the error never
 * says whether another tenant would have accepted the credential.
 */
export function authenticateOdooCall(
  tenant: TenantConfig | undefined,
  tenantId: string,
  request: OdooCallRequest,
): TenantConfig {
  const token = bearerToken(request.headers['authorization']);
  const signature = header(request.headers[SIGNATURE_HEADER]);
  if (!token && !signature)
    throw fail(
      'AUTH_REQUIRED',
      'send "Authorization: Bearer <api key>" or X-Crew-Timestamp and X-Crew-Signature headers',
    );
  // An unknown tenant is answered like a wrong key, so ids cannot be probed.
  if (!tenant) throw invalid(tenantId);
  const credentials = odooApiCredentials(tenant);
  if (!credentials?.apiKey && !credentials?.signingSecret) {
    throw new CrewError(
      'TENANT_FORBIDDEN',
      `tenant "${tenant.id}" has no Odoo API credentials configured (admin API: PUT /admin/tenants/${tenant.id}/odoo-api)`,
      {
        domain: 'odoo-api',
        category: 'user',
      },
    );
  }
  if (token) {
    if (!credentials.apiKey || !sameCredential(token, credentials.apiKey.reveal())) throw invalid(tenant.id);
  } else {
    if (!credentials.signingSecret) throw invalid(tenant.id);
    const failure = checkChatwootSignature({
      secret: credentials.signingSecret.reveal(),
      timestamp: header(request.headers[TIMESTAMP_HEADER]),
      signature,
      rawBody: request.rawBody,
      nowMs: request.nowMs,
      maxAgeSeconds: MAX_SIGNATURE_AGE_SECONDS,
    });
    if (failure) throw signatureError(failure, tenant.id);
  }
  if (!tenant.enabled)
    throw new CrewError('TENANT_DISABLED', `tenant "${tenant.id}" is disabled`, {
      domain: 'odoo-api',
      category: 'user',
    });
  return tenant;
}

function signatureError(failure: SignatureFailure, tenant: string): CrewError {
  if (failure === 'stale_timestamp') {
    return fail(
      'SIGNATURE_STALE',
      `the X-Crew-Timestamp is more than ${MAX_SIGNATURE_AGE_SECONDS} s away from now; sign the request again`,
    );
  }
  if (failure === 'bad_signature') return invalid(tenant);
  return fail(
    'AUTH_INVALID',
    `malformed signature headers (${failure}): expected X-Crew-Timestamp (epoch seconds) and X-Crew-Signature: sha256=<hex>`,
  );
}

function invalid(tenant: string): CrewError {
  return fail('AUTH_INVALID', `the credentials are not valid for tenant "${tenant.slice(0, 64)}"`);
}

function fail(code: string, message: string): CrewError {
  return new CrewError(code, message, { domain: 'odoo-api', category: 'user' });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
