import { CrewError } from '@mcp-crew/core';

/** HTTP status for each webhook error code; the app's exception filter reads it. */
export const WEBHOOK_ERROR_STATUS = {
  WEBHOOK_TENANT_NOT_FOUND: 404,
  WEBHOOK_TENANT_DISABLED: 403,
  WEBHOOK_ACCOUNT_MISMATCH: 403,
  WEBHOOK_UNAUTHORIZED: 401,
  WEBHOOK_INVALID_JSON: 400,
  WEBHOOK_INVALID_PAYLOAD: 400,
  // Chatwoot retries only 429 and 500: a message we could not store must come back.
  WEBHOOK_QUEUE_UNAVAILABLE: 500,
} as const;

export type WebhookErrorCode = keyof typeof WEBHOOK_ERROR_STATUS;

export class WebhookError extends CrewError {
  readonly status: number;

  constructor(code: WebhookErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    const status = WEBHOOK_ERROR_STATUS[code];
    super(code, message, { domain: 'webhook', category: status >= 500 ? 'system' : 'user', details, cause });
    this.status = status;
  }
}
