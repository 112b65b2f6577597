import { createHash } from 'node:crypto';
import { APICallError } from '@ai-sdk/provider';
import { isCrewError, type Secret } from '@mcp-crew/core';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * A model endpoint's identity for its shared circuit breaker, log lines and metrics: the base URL (without
 * credentials or query), the model, and the first 8 hex digits of the key's SHA-256. Tenants on the same URL,
 * model and key share one breaker; the key itself is never part of it and cannot be read back from it.
 */
export function modelEndpointId(endpoint: { apiKey: Secret; baseUrl?: string; model: string }): string {
  const url = new URL(endpoint.baseUrl ?? OPENAI_BASE_URL);
  const key = createHash('sha256').update(endpoint.apiKey.reveal()).digest('hex').slice(0, 8);
  return `${url.origin}${url.pathname.replace(/\/$/, '')} ${endpoint.model} key:${key}`;
}

/**
 * Whether a model call's failure is the endpoint's (it timed out, answered 5xx, 408 or 429 — a key's quota is
 * shared by everyone using that key — or could not be reached) and so counts for its shared breaker. A 401/403
 * (that key refused), a 400/404 (that request or model name) or the caller's own abort is not an outage.
 */
export function isModelEndpointFailure(error: unknown): boolean {
  if (isCrewError(error)) return error.code === 'MODEL_TIMEOUT';
  if (!APICallError.isInstance(error)) return false;
  const status = error.statusCode;
  if (status === undefined) return error.isRetryable;
  return status >= 500 || status === 408 || status === 429;
}
