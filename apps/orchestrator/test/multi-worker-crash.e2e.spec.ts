import type { OdooClient } from '@mcp-crew/odoo-client';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { CrewCluster, ensureBuilt, startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONVERSATIONS = 16;
const FIRST = 3201;
const LOCK_MS = 2000;
const STALLED_CHECK_MS = 1000;

/**
 * The production topology under load: one intake and two workers, each its own process, on one Redis. One
 * worker is SIGKILLed while turns are running on both; every message must still be answered exactly once,
 * and no quotation made twice (the delivery guarantees: turn leases, effect keys, the Chatwoot outbox).
 */
describe('one intake and two workers, one SIGKILLed mid-load (spawned processes, real Redis)', () => {
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let chatwoot: FakeChatwoot;
  let cluster: CrewCluster;

  beforeAll(async () => {
    await ensureBuilt();
    ({ sandbox, odoo } = await startSandboxWithClient({ latencyMs: 50 }));
    chatwoot = await startFakeChatwoot();
    cluster = await CrewCluster.start({
      redisUrl: REDIS_URL,
      chatwootUrl: chatwoot.url,
      odoo: { url: sandbox.url, db: sandbox.db, user: sandbox.login, apiKey: sandbox.apiKey },
      // Four slots per worker: the sixteen turns keep both workers full, so the one killed dies mid-turn.
      env: {
        QUEUE_LOCK_MS: String(LOCK_MS),
        QUEUE_STALLED_CHECK_MS: String(STALLED_CHECK_MS),
        WORKER_CONCURRENCY: '4',
      },
    });
    await cluster.startWorker();
    await cluster.startWorker();
  }, 90_000);
  afterAll(async () => {
    await cluster?.close();
    await chatwoot?.close();
    await sandbox?.close();
  }, 30_000);

  const repliesTo = (conversation: number) =>
    chatwoot.requests.filter(
      (r) =>
        r.path === `/api/v1/accounts/3/conversations/${conversation}/messages` &&
        (r.body as { private?: boolean }).private === false,
    );
  const quotationsOf = (conversation: number) =>
    odoo.searchCount('sale.order', [['origin', '=like', `mcp-crew:demo:${conversation}:%`]]);
  const conversations = Array.from({ length: CONVERSATIONS }, (_, i) => FIRST + i);
  const answered = () => conversations.filter((c) => repliesTo(c).length > 0).length;
  const until = async (what: string, check: () => boolean, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`${what}: not in time (${answered()}/${CONVERSATIONS} answered)`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('answers every message once and quotes each request once', async () => {
    // Quote requests (Odoo writes) and questions, one conversation each, posted as fast as the intake takes them.
    const statuses = await Promise.all(
      conversations.map((conversation, i) =>
        cluster.postMessage({
          conversationId: conversation,
          messageId: 92_000 + i,
          content:
            i % 2 === 0
              ? 'Hola, necesito 2 galones de esmalte blanco y 3 rodillos'
              : 'Buenas, ¿tienen vinilo tipo 1 en color blanco?',
          phone: `+57 300 555 ${String(1000 + i)}`,
        }),
      ),
    );
    expect(statuses).toEqual(conversations.map(() => 200));

    // Mid-load: some turns answered, others still queued or running on both workers.
    await until('the first answers', () => answered() >= 2, 60_000);
    expect(answered()).toBeLessThan(CONVERSATIONS);
    await cluster.killWorker();

    await until('every conversation answered', () => answered() === CONVERSATIONS, 90_000);
    // A turn the dead worker held is resumed after its lock lapses; wait that long again so a second answer
    // (the failure this test looks for) would have arrived.
    await new Promise((resolve) => setTimeout(resolve, 2 * (LOCK_MS + STALLED_CHECK_MS)));
    for (const conversation of conversations)
      expect([conversation, repliesTo(conversation).length]).toEqual([conversation, 1]);
    // The survivor took over turns the dead worker was running (not only ones it had not started).
    expect(
      cluster.logs().filter((l) => l.msg === 'turn handled' && l['resumed'] === true).length,
    ).toBeGreaterThan(0);
    for (const [i, conversation] of conversations.entries())
      expect([conversation, await quotationsOf(conversation)]).toEqual([conversation, i % 2 === 0 ? 1 : 0]);
  }, 200_000);
});
