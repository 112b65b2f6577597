import type { Secret } from '@mcp-crew/core';
import { isCrewError } from '@mcp-crew/core';
import { chatwootErrorText, chatwootHttpError, chatwootTransportError } from './chatwoot-errors.js';

export interface RetryOptions {
  /** Total attempts, the first included. */
  attempts: number;
  /** Delay before the first retry; doubles each time, with full jitter. */
  baseDelayMs: number;
  /** Upper bound of one delay, and the longest `Retry-After` we accept (longer: give up at once). */
  maxDelayMs?: number;
}

export interface ChatwootHttpOptions {
  baseUrl: string;
  botToken: Secret;
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 3, baseDelayMs: 300, maxDelayMs: 10_000 };
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * JSON over HTTP to Chatwoot's application API with the `api_access_token` header: a timeout per attempt,
 * retries with exponential backoff and jitter on 429 (honouring `Retry-After`), 5xx and network errors,
 * and `CrewError`s that never carry the token.
 */
export class ChatwootHttp {
  readonly #baseUrl: string;
  readonly #token: Secret;
  readonly #fetch: typeof fetch;
  readonly #retry: Required<RetryOptions>;
  readonly #timeoutMs: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;

  constructor(options: ChatwootHttpOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.botToken;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#retry = { ...DEFAULT_RETRY, ...options.retry };
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#random = options.random ?? Math.random;
  }

  /** `once` sends a single attempt (for cosmetic calls that must never delay a turn with backoff). */
  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    options?: { once?: boolean },
  ): Promise<T> {
    const attempts = options?.once ? 1 : this.#retry.attempts;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#once<T>(method, path, body, attempt);
      } catch (error) {
        if (!isCrewError(error) || !error.retryable || attempt >= attempts) throw error;
        const delay = this.#delay(attempt, error.details.retryAfterMs);
        if (delay === undefined) throw error;
        await this.#sleep(delay);
      }
    }
  }

  async #once<T>(method: string, path: string, body: unknown, attempt: number): Promise<T> {
    const token = this.#token.reveal();
    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: {
          api_access_token: token,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      const name = (error as { name?: unknown } | null)?.name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      // The cause is kept only by name: fetch errors can embed the request, and with it the token.
      throw chatwootTransportError({
        method,
        path,
        attempts: attempt,
        reason: timedOut ? `timeout after ${this.#timeoutMs} ms` : networkReason(error),
      });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const error = chatwootHttpError({
        method,
        path,
        status: response.status,
        chatwootError: chatwootErrorText(text, token),
        attempts: attempt,
      });
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (retryAfterMs !== undefined) error.details.retryAfterMs = retryAfterMs;
      throw error;
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw chatwootHttpError({
        method,
        path,
        status: 502,
        chatwootError: 'answer was not JSON',
        attempts: attempt,
      });
    }
  }

  // "Equal jitter": between half and all of the exponential bound, so many workers do not retry in step
  // yet each still backs off.
  #delay(attempt: number, retryAfterMs: unknown): number | undefined {
    if (typeof retryAfterMs === 'number')
      return retryAfterMs <= this.#retry.maxDelayMs ? retryAfterMs : undefined;
    const bound = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(bound / 2 + (this.#random() * bound) / 2);
  }
}

/** `Retry-After` is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

// Duck-typed, not `instanceof Error`: fetch's errors may come from another realm (test VMs, undici).
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : 'network error';
}
