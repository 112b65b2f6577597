import type { OdooClient } from '@mcp-crew/odoo-client';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { CrewCluster, ensureBuilt, startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ANA = '+57 300 123 4567';
const ASK = 'Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos';

/**
 * Crash recovery with real processes: an intake and a worker spawned from the built dist on real Redis, the
 * Odoo sandbox and a recording Chatwoot. The worker is SIGKILLed at a chosen point of a quotation turn and a
 * new worker takes over; each message must give exactly one quotation and one reply.
 */
describe('a worker killed mid-turn (spawned processes, real Redis)', () => {
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let chatwoot: FakeChatwoot;
  let cluster: CrewCluster;

  beforeAll(async () => {
    await ensureBuilt();
    // 150 ms per Odoo call: the window between the quotation's write and its record is wide enough to hit.
    ({ sandbox, odoo } = await startSandboxWithClient({ latencyMs: 150 }));
    chatwoot = await startFakeChatwoot();
    cluster = await CrewCluster.start({
      redisUrl: REDIS_URL,
      chatwootUrl: chatwoot.url,
      odoo: { url: sandbox.url, db: sandbox.db, user: sandbox.login, apiKey: sandbox.apiKey },
      // A dead worker's turn is resumed within lock + stalled check; short here so the suite stays quick.
      env: { QUEUE_LOCK_MS: '2000', QUEUE_STALLED_CHECK_MS: '1000' },
    });
    await cluster.startWorker();
  }, 60_000);
  afterAll(async () => {
    await cluster?.close();
    await chatwoot?.close();
    await sandbox?.close();
  }, 30_000);

  const quotationsOf = (conversation: number) =>
    odoo.searchCount('sale.order', [['origin', '=like', `mcp-crew:demo:${conversation}:%`]]);
  const repliesTo = (conversation: number) =>
    chatwoot.requests.filter(
      (r) =>
        r.path === `/api/v1/accounts/3/conversations/${conversation}/messages` &&
        (r.body as { private?: boolean }).private === false,
    );
  const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const handled = (conversation: number) => (line: { msg?: string; conversation?: unknown }) =>
    line.conversation === conversation &&
    typeof line.msg === 'string' &&
    /^turn (handled|failed|deadline)/.test(line.msg);

  it('killed right after the quotation was written in Odoo: the new worker finds it by its key, one quotation, one reply', async () => {
    const conversation = 3101;
    expect(
      await cluster.postMessage({
        conversationId: conversation,
        messageId: 91_001,
        content: ASK,
        phone: ANA,
      }),
    ).toBe(200);
    await until(async () => (await quotationsOf(conversation)) > 0);
    await cluster.killWorker();
    await cluster.startWorker();
    await cluster.waitForWorkerLog(handled(conversation), 30_000);
    expect(await quotationsOf(conversation)).toBe(1);
    expect(repliesTo(conversation)).toHaveLength(1);
  }, 60_000);

  it('killed right after the reply reached Chatwoot (before Chatwoot answered): one reply, one quotation', async () => {
    const conversation = 3102;
    // Chatwoot takes the reply and never answers: the worker dies waiting for it.
    chatwoot.respondNext({
      status: 200,
      hang: true,
      method: 'POST',
      pathEndsWith: `/conversations/${conversation}/messages`,
    });
    expect(
      await cluster.postMessage({
        conversationId: conversation,
        messageId: 91_002,
        content: ASK,
        phone: ANA,
      }),
    ).toBe(200);
    await until(() => repliesTo(conversation).length > 0);
    await cluster.killWorker();
    await cluster.startWorker();
    await cluster.waitForWorkerLog(handled(conversation), 30_000);
    expect(repliesTo(conversation)).toHaveLength(1);
    expect(await quotationsOf(conversation)).toBe(1);
  }, 60_000);

  it('the same message replayed under new delivery ids while the worker is down is answered once', async () => {
    const conversation = 3103;
    await cluster.killWorker();
    for (let i = 0; i < 3; i++)
      expect(
        await cluster.postMessage({
          conversationId: conversation,
          messageId: 91_003,
          content: ASK,
          phone: ANA,
        }),
      ).toBe(200);
    await cluster.startWorker();
    await cluster.waitForWorkerLog(handled(conversation), 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(repliesTo(conversation)).toHaveLength(1);
    expect(await quotationsOf(conversation)).toBe(1);
  }, 60_000);
});
