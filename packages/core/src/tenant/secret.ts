const REDACTED = '[redacted]';

/**
 * A credential (bot token, webhook secret, API key). Printing, logging or serialising it shows
 * `[redacted]`; only `reveal()` gives the value, so a leak needs an explicit call.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED;
  }
}
