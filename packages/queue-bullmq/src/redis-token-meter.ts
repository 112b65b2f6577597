import { TOKEN_WINDOW_MS, tokenWindowWaitMs, type TenantId, type TenantTokenMeter } from '@mcp-crew/core';
import type { RedisClient } from '@mcp-crew/redis-connection';
import { tokenMeterKey } from './keys.js';

/**
 * Model tokens per tenant in a sliding minute, shared by every process through Redis: one hash per tenant
 * with a field per minute (the current and the previous one are read; older ones expire with the key).
 */
export class RedisTokenMeter implements TenantTokenMeter {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {}

  async record(tenantId: TenantId, tokens: number): Promise<void> {
    if (tokens <= 0) return;
    const key = tokenMeterKey(this.prefix, tenantId);
    const start = bucketStart(this.now());
    await this.redis
      .multi()
      .hincrby(key, String(start), Math.round(tokens))
      .hdel(key, String(start - 2 * TOKEN_WINDOW_MS))
      .pexpire(key, 3 * TOKEN_WINDOW_MS)
      .exec();
  }

  async waitMs(tenantId: TenantId, perMinute: number): Promise<number> {
    if (perMinute <= 0) return 0;
    const now = this.now();
    const start = bucketStart(now);
    const [current, previous] = await this.redis.hmget(
      tokenMeterKey(this.prefix, tenantId),
      String(start),
      String(start - TOKEN_WINDOW_MS),
    );
    return tokenWindowWaitMs(Number(current ?? 0), Number(previous ?? 0), now - start, perMinute);
  }
}

function bucketStart(now: number): number {
  return now - (now % TOKEN_WINDOW_MS);
}
