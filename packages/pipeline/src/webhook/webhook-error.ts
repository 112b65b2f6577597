import { CrewError } from '@mcp-crew/core';

/** HTTP status for each webhook error code; the app's exception filter reads it. */
export const WEBHOOK_ERROR_STATUS = {
  WEBHOOK_TENANT_DISABLED: 403,
  WEBHOOK_ACCOUNT_MISMATCH: 403,
  WEBHOOK_UNAUTHORIZED: 401,
  WEBHOOK_INVALID_JSON: 400,
  WEBHOOK_INVALID_PAYLOAD: 400,
  WEBHOOK_DELIVERY_ID_MISSING: 400,
  WEBHOOK_DELIVERY_ID_INVALID: 400,
  // Chatwoot retries only 429 and 500: a message we could not store must come back.
  WEBHOOK_QUEUE_UNAVAILABLE: 500,
} as const;

export type WebhookErrorCode = keyof typeof WEBHOOK_ERROR_STATUS;

export class WebhookError extends CrewError {
  readonly status: number;
  /** Why authentication failed, for logs and metrics only: the HTTP body is the same for every reason. */
  reason: string | undefined;

  constructor(
    code: WebhookErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    cause?: unknown,
    /** The request field at fault (`headers.x-chatwoot-delivery`), shown as `path` in the body. */
    path?: string,
  ) {
    const status = WEBHOOK_ERROR_STATUS[code];
    super(code, message, {
      domain: 'webhook',
      category: status >= 500 ? 'system' : 'user',
      details,
      cause,
      path,
    });
    this.status = status;
  }
}
