import type { CrewError } from '@mcp-crew/core';

/** Codes whose HTTP status is not the one their category implies (user → 400, third party → 502, system → 500). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  SIGNATURE_STALE: 401,
  TENANT_FORBIDDEN: 403,
  TENANT_NOT_FOUND: 404,
  TENANT_DISABLED: 403,
  JOB_NOT_FOUND: 404,
  CREW_NOT_FOUND: 404,
  BUSINESS_HOURS_NOT_SET: 404,
  DOCUMENT_CONFLICT: 409,
  RATE_LIMITED: 429,
  ADMIN_API_DISABLED: 503,
  TENANT_STORE_READ_ONLY: 409,
};

/** The HTTP status of a CrewError: by code where listed, else by category. */
export function httpStatusOf(error: CrewError): number {
  const byCode = STATUS_BY_CODE[error.code];
  if (byCode !== undefined) return byCode;
  return error.category === 'user' ? 400 : error.category === 'third_party' ? 502 : 500;
}
