/** Who is at fault: the caller's input, our own system, or an outside service (Odoo, Chatwoot, a model). */
export type ErrorCategory = 'user' | 'system' | 'third_party';

export interface CrewErrorOptions {
  /** The part of the system that raised it: `webhook`, `queue`, `chatwoot`, `odoo`, `config`, ... */
  domain: string;
  category: ErrorCategory;
  /** Safe, structured facts (never secrets) that help a caller act on the error. */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Whether doing the same thing again may succeed (transport errors, 429, 5xx). */
  retryable?: boolean;
  /** The input field at fault (`headers.x-chatwoot-delivery`, `lines.0.quantity`), when one is. */
  path?: string;
}

/**
 * Every error the system raises on purpose carries a stable `code`, the `domain` that raised it and a
 * `category`, so logs, HTTP filters and retry policies can act on it without parsing messages.
 */
export class CrewError extends Error {
  readonly domain: string;
  readonly category: ErrorCategory;
  readonly details: Record<string, unknown>;
  readonly retryable: boolean;
  readonly path: string | undefined;

  constructor(
    readonly code: string,
    message: string,
    options: CrewErrorOptions,
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CrewError';
    this.domain = options.domain;
    this.category = options.category;
    this.details = options.details ?? {};
    this.retryable = options.retryable ?? false;
    this.path = options.path;
  }

  /** The error body every HTTP answer carries: `{ code, message, path?, domain, category, details }`. */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.path ? { path: this.path } : {}),
      domain: this.domain,
      category: this.category,
      details: this.details,
    };
  }
}

export function isCrewError(error: unknown, code?: string): error is CrewError {
  return error instanceof CrewError && (code === undefined || error.code === code);
}
