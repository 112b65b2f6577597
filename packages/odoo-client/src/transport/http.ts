import { OdooError } from '../errors/odoo-error.js';
import type { Redactor } from '../errors/map-fault.js';

export interface HttpResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpRequest {
  path: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers: Record<string, string>;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpOptions {
  baseUrl: string;
  timeoutMs: number;
  redact: Redactor;
  /** Injected for tests; Node's global fetch (undici, keep-alive by default) otherwise. */
  fetch?: FetchLike;
  userAgent: string;
}

// Statuses a gateway or a restarting server answers; the request may be sent again safely
// when the call is idempotent.
const RETRYABLE_STATUS = new Set([502, 503, 504]);

/**
 * One HTTP exchange with Odoo. Network failures and timeouts become `ODOO_UNAVAILABLE`
 * (retryable); any status other than 200 is handed back for the protocol to judge, except
 * gateway errors, which are `ODOO_UNAVAILABLE` whatever the protocol.
 */
export class OdooHttp {
  readonly #options: HttpOptions;

  constructor(options: HttpOptions) {
    this.#options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const { baseUrl, timeoutMs, userAgent } = this.#options;
    const doFetch = this.#options.fetch ?? fetch;
    const url = baseUrl + request.path;
    let response: Response;
    let body: string;
    try {
      response = await doFetch(url, {
        method: request.method ?? 'POST',
        headers: { 'User-Agent': userAgent, ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      throw this.#transportError(error, request.path);
    }
    if (RETRYABLE_STATUS.has(response.status)) {
      throw new OdooError('ODOO_UNAVAILABLE', `Odoo answered HTTP ${response.status} on ${request.path}`, {
        details: { status: response.status, path: request.path },
        retryable: true,
      });
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
  }

  #transportError(error: unknown, path: string): OdooError {
    const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    const reason = timedOut
      ? `no answer within ${this.#options.timeoutMs} ms`
      : (err.cause?.code ?? err.cause?.message ?? err.message ?? 'network error');
    // The message names the host, never the credentials (URLs may carry user:password@).
    const host = safeHost(this.#options.baseUrl);
    return new OdooError(
      'ODOO_UNAVAILABLE',
      this.#options.redact(`Odoo at ${host} is unreachable: ${reason}`),
      {
        details: { path, timedOut, reason: this.#options.redact(String(reason)) },
        retryable: true,
      },
    );
  }
}

function safeHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return '(invalid url)';
  }
}

/** A non-200 answer that the protocol did not explain (HTML error pages, 404 on a wrong URL). */
export function unexpectedStatus(response: HttpResponse, path: string, redact: Redactor): OdooError {
  const excerpt = redact(response.body.slice(0, 200));
  const code = response.status >= 500 ? 'ODOO_UNAVAILABLE' : 'ODOO_PROTOCOL_ERROR';
  const hint = response.status === 404 ? ' (is the URL an Odoo server, and this endpoint enabled?)' : '';
  return new OdooError(code, `Odoo answered HTTP ${response.status} on ${path}${hint}: ${excerpt}`, {
    details: { status: response.status, path, contentType: response.contentType },
  });
}
