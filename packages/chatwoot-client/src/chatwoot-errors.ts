import { conversationRateLimitError, CrewError } from '@mcp-crew/core';

/** Stable codes of the errors the Chatwoot client raises. */
export const ChatwootErrorCode = {
  Unauthorized: 'CHATWOOT_UNAUTHORIZED',
  NotFound: 'CHATWOOT_NOT_FOUND',
  RateLimited: 'CHATWOOT_RATE_LIMITED',
  Unavailable: 'CHATWOOT_UNAVAILABLE',
  BadRequest: 'CHATWOOT_BAD_REQUEST',
} as const;
export type ChatwootErrorCode = (typeof ChatwootErrorCode)[keyof typeof ChatwootErrorCode];

const MAX_DETAIL_CHARS = 300;

export interface ChatwootErrorFacts {
  method: string;
  /** The API path (never the full URL with a query string that might carry secrets). */
  path: string;
  status?: number;
  /** Chatwoot's own error text, if it sent one. */
  chatwootError?: string;
  reason?: string;
  attempts?: number;
  cause?: unknown;
}

/** Maps an HTTP status from Chatwoot to a `CrewError` (domain `chatwoot`, category `third_party`). */
export function chatwootHttpError(facts: ChatwootErrorFacts): CrewError {
  const status = facts.status ?? 0;
  const [code, retryable] = classify(status);
  const said = facts.chatwootError ? `: ${facts.chatwootError}` : '';
  return build(code, `Chatwoot answered ${status} to ${facts.method} ${facts.path}${said}`, retryable, facts);
}

/** A request that never got an HTTP answer (connection refused, reset, DNS, timeout). */
export function chatwootTransportError(facts: ChatwootErrorFacts): CrewError {
  return build(
    ChatwootErrorCode.Unavailable,
    `Chatwoot could not be reached for ${facts.method} ${facts.path} (${facts.reason ?? 'network error'})`,
    true,
    facts,
  );
}

/** Our own per-conversation limiter would have to wait longer than allowed (the same error on Redis). */
export const chatwootLocalRateLimitError = conversationRateLimitError;

function classify(status: number): [ChatwootErrorCode, boolean] {
  if (status === 401 || status === 403) return [ChatwootErrorCode.Unauthorized, false];
  if (status === 404) return [ChatwootErrorCode.NotFound, false];
  if (status === 429) return [ChatwootErrorCode.RateLimited, true];
  if (status >= 500) return [ChatwootErrorCode.Unavailable, true];
  return [ChatwootErrorCode.BadRequest, false];
}

function build(
  code: ChatwootErrorCode,
  message: string,
  retryable: boolean,
  facts: ChatwootErrorFacts,
): CrewError {
  const details: Record<string, unknown> = { method: facts.method, path: facts.path };
  if (facts.status !== undefined) details.status = facts.status;
  if (facts.chatwootError) details.chatwootError = facts.chatwootError;
  if (facts.reason) details.reason = facts.reason;
  if (facts.attempts !== undefined) details.attempts = facts.attempts;
  return new CrewError(code, message, {
    domain: 'chatwoot',
    category: 'third_party',
    retryable,
    details,
    cause: facts.cause,
  });
}

/**
 * Pulls Chatwoot's error text out of a response body (`{error}`, `{message}` or `{errors: [...]}`), short,
 * with the token scrubbed in case a proxy echoed the request back.
 */
export function chatwootErrorText(body: string, token: string): string | undefined {
  let text = body.trim();
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    const said = parsed.error ?? parsed.message ?? parsed.errors;
    text =
      typeof said === 'string'
        ? said
        : Array.isArray(said)
          ? said.map(String).join('; ')
          : JSON.stringify(said ?? parsed);
  } catch {
    // Not JSON (an HTML error page from a proxy): keep the raw text, shortened below.
  }
  if (!text) return undefined;
  if (token) text = text.split(token).join('[redacted]');
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}
