import { randomUUID } from 'node:crypto';
import { HttpChatwootGateway } from '@mcp-crew/chatwoot-client';
import { isCrewError, Secret, tenantId } from '@mcp-crew/core';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { Redis } from 'ioredis';
import { RedisConversationRateLimits } from './redis-conversation-rate-limits.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DEMO = tenantId('demo');
const REF = { accountId: 3, conversationId: 1532 };

/** Two gateways, as two replicas, each with its own Redis connection: one budget per conversation. */
describe('RedisConversationRateLimits (real Redis)', () => {
  let chatwoot: FakeChatwoot;
  let prefix: string;
  const opened: RedisConversationRateLimits[] = [];
  const replica = (limit: number, maxWaitMs = 0) => {
    const limits = new RedisConversationRateLimits({ url: REDIS_URL, prefix, limit, maxWaitMs });
    opened.push(limits);
    const gateway = new HttpChatwootGateway({
      baseUrl: chatwoot.url,
      botToken: new Secret('bot-token-rate-123'),
      limiter: limits.forTenant(DEMO),
    });
    return { limits, gateway };
  };
  const sent = () => chatwoot.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    prefix = `test:${randomUUID()}`;
  });
  afterEach(async () => {
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
    await Promise.all(opened.splice(0).map((l) => l.close()));
    await chatwoot.close();
  });

  it('shares one conversation’s budget between two replicas', async () => {
    const a = replica(3);
    const b = replica(3);
    await a.gateway.sendMessage(REF, { content: 'uno' });
    await b.gateway.sendMessage(REF, { content: 'dos' });
    await a.gateway.sendMessage(REF, { content: 'tres' });
    // The fourth message in the window is refused whichever replica sends it, before any HTTP request.
    const refused = await b.gateway.sendMessage(REF, { content: 'cuatro' }).catch((e: unknown) => e);
    expect(isCrewError(refused, 'CHATWOOT_RATE_LIMITED')).toBe(true);
    expect(sent().map((r) => (r.body as { content: string }).content)).toEqual(['uno', 'dos', 'tres']);
    // Another conversation has its own budget.
    await b.gateway.sendMessage({ accountId: 3, conversationId: 1533 }, { content: 'otra' });
    expect(sent()).toHaveLength(4);
  });

  it('keeps the budget under the tenant’s hash tag', async () => {
    await replica(5).gateway.sendMessage(REF, { content: 'hola' });
    const admin = new Redis(REDIS_URL);
    const keys = await admin.keys(`${prefix}:*`);
    await admin.quit();
    expect(keys).toEqual([`${prefix}:{demo}:chatwoot-rate:3:1532`]);
  });

  it('waits for the next window when the wait is within the bound', async () => {
    const waits: number[] = [];
    const limits = new RedisConversationRateLimits({
      url: REDIS_URL,
      prefix,
      limit: 1,
      windowSeconds: 1,
      maxWaitMs: 5000,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((r) => setTimeout(r, ms));
      },
    });
    opened.push(limits);
    const limiter = limits.forTenant(DEMO);
    await limiter.acquire('3:1532');
    await limiter.acquire('3:1532');
    // One wait for the rest of the window (a retry at its very edge may add a millisecond's wait).
    expect(waits[0]).toBeGreaterThan(0);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits.slice(1).every((ms) => ms <= 5)).toBe(true);
  });
});
