import { CrewError, type ErrorCategory } from '@mcp-crew/core';

/** Stable codes of every error the Odoo client raises. */
export const ODOO_ERROR_CODES = [
  'ODOO_AUTH_FAILED',
  'ODOO_ACCESS_DENIED',
  'ODOO_ACCESS_ERROR',
  'ODOO_USER_ERROR',
  'ODOO_VALIDATION_ERROR',
  'ODOO_MISSING_RECORD',
  'ODOO_UNKNOWN_MODEL',
  'ODOO_UNKNOWN_FIELD',
  'ODOO_UNKNOWN_METHOD',
  'ODOO_UNKNOWN_DATABASE',
  'ODOO_UNAVAILABLE',
  'ODOO_PROTOCOL_ERROR',
  'ODOO_SERVER_ERROR',
] as const;
export type OdooErrorCode = (typeof ODOO_ERROR_CODES)[number];

// Who is at fault for each code: bad input from the caller (a tool argument, a record that is
// gone), our configuration (credentials, database name), or Odoo itself.
const CATEGORY: Record<OdooErrorCode, ErrorCategory> = {
  ODOO_AUTH_FAILED: 'system',
  ODOO_ACCESS_DENIED: 'system',
  ODOO_ACCESS_ERROR: 'user',
  ODOO_USER_ERROR: 'user',
  ODOO_VALIDATION_ERROR: 'user',
  ODOO_MISSING_RECORD: 'user',
  ODOO_UNKNOWN_MODEL: 'system',
  ODOO_UNKNOWN_FIELD: 'system',
  ODOO_UNKNOWN_METHOD: 'system',
  ODOO_UNKNOWN_DATABASE: 'system',
  ODOO_UNAVAILABLE: 'third_party',
  ODOO_PROTOCOL_ERROR: 'third_party',
  ODOO_SERVER_ERROR: 'third_party',
};

export interface OdooErrorOptions {
  details?: Record<string, unknown>;
  cause?: unknown;
  retryable?: boolean;
}

/**
 * An error from Odoo or from talking to it. `message` is Odoo's own message (never a traceback,
 * never a credential); `details.odooName` holds Odoo's exception class when there is one and
 * `details.debug` the end of the server traceback.
 */
export class OdooError extends CrewError {
  declare readonly code: OdooErrorCode;

  constructor(code: OdooErrorCode, message: string, options: OdooErrorOptions = {}) {
    super(code, message, {
      domain: 'odoo',
      category: CATEGORY[code],
      details: options.details ?? {},
      cause: options.cause,
      retryable: options.retryable ?? false,
    });
    this.name = 'OdooError';
  }
}

export function isOdooError(error: unknown, code?: OdooErrorCode): error is OdooError {
  return error instanceof OdooError && (code === undefined || error.code === code);
}
