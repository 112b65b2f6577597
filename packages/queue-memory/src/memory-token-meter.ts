import { TOKEN_WINDOW_MS, tokenWindowWaitMs, type TenantId, type TenantTokenMeter } from '@mcp-crew/core';

interface Buckets {
  start: number;
  current: number;
  previous: number;
}

/** Model tokens per tenant in a sliding minute, inside one process (the embedded default). */
export class MemoryTokenMeter implements TenantTokenMeter {
  readonly #buckets = new Map<TenantId, Buckets>();

  constructor(private readonly now: () => number = Date.now) {}

  async record(tenantId: TenantId, tokens: number): Promise<void> {
    if (tokens > 0) this.#roll(tenantId).current += tokens;
  }

  async waitMs(tenantId: TenantId, perMinute: number): Promise<number> {
    const b = this.#roll(tenantId);
    return tokenWindowWaitMs(b.current, b.previous, this.now() - b.start, perMinute);
  }

  /** The tenant's buckets, moved on to the minute we are in. */
  #roll(tenantId: TenantId): Buckets {
    const now = this.now();
    const start = now - (now % TOKEN_WINDOW_MS);
    let b = this.#buckets.get(tenantId);
    if (!b) {
      b = { start, current: 0, previous: 0 };
      this.#buckets.set(tenantId, b);
    } else if (b.start !== start) {
      b.previous = start - b.start === TOKEN_WINDOW_MS ? b.current : 0;
      b.current = 0;
      b.start = start;
    }
    return b;
  }
}
