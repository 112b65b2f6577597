import type { OdooClient } from '@mcp-crew/odoo-client';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { CrewCluster, ensureBuilt } from '@mcp-crew/testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEY = 'demo-odoo-api-key-cluster';
const OTHER_KEY = 'otra-odoo-api-key-cluster';
const LEASE_MS = 1500;

interface JobView {
  tracking_id: string;
  status: string;
  output?: { reply: string; records: Array<{ model: string; id: number; display_name: string }> };
  error?: { code: string };
}

/**
 * Copilot jobs across replicas: two intake processes (spawned, as behind a load balancer) on one Redis. The
 * one that accepts a request runs it; the other answers its status and output by tracking id, and reports a
 * job whose process was SIGKILLed mid-work as failed once its lease lapses (never "processing" for ever).
 */
describe('copilot jobs answered by any replica (spawned processes, real Redis)', () => {
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let cluster: CrewCluster;
  let accepting: string;

  beforeAll(async () => {
    await ensureBuilt();
    // Slow Odoo calls keep a quotation request running long enough to kill its process mid-work.
    ({ sandbox, odoo } = await startSandboxWithClient({ latencyMs: 300 }));
    cluster = await CrewCluster.start({
      redisUrl: REDIS_URL,
      chatwootUrl: 'http://127.0.0.1:9',
      odoo: { url: sandbox.url, db: sandbox.db, user: sandbox.login, apiKey: sandbox.apiKey },
      env: { COPILOT_JOB_LEASE_MS: String(LEASE_MS), COPILOT_SYNC_BUDGET_MS: '60000' },
      tenantsExtra: `    odooApi: {apiKey: ${KEY}}
  - id: otra
    name: Otra Tienda
    odooApi: {apiKey: ${OTHER_KEY}}
`,
    });
    accepting = await cluster.startIntake();
  }, 90_000);
  afterAll(async () => {
    await cluster?.close();
    await sandbox?.close();
  }, 30_000);

  const ask = (base: string, query: string, message: string) =>
    fetch(`${base}/odoo/demo/copilot${query}`, {
      method: 'POST',
      body: JSON.stringify({ user: { id: 2, name: 'Laura Admin' }, message }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    });
  const status = async (base: string, trackingId: string, tenant = 'demo', key = KEY) => {
    const response = await fetch(`${base}/odoo/${tenant}/copilot/jobs/${trackingId}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    return { code: response.status, job: (await response.json()) as JobView };
  };
  const until = async (base: string, trackingId: string, done: (job: JobView) => boolean) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { job } = await status(base, trackingId);
      if (done(job)) return job;
      if (Date.now() > deadline) throw new Error(`job still ${job.status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const quote = 'crea una cotización para Ferretería El Sol con 3 galones de vinilo blanco';

  it("answers a job's status and output from the replica that did not take it, for its tenant only", async () => {
    const started = await ask(accepting, '?async=1', quote);
    expect(started.status).toBe(202);
    const { tracking_id } = (await started.json()) as JobView;
    const job = await until(
      cluster.intakeUrl,
      tracking_id,
      (j) => j.status === 'completed' || j.status === 'failed',
    );
    expect(job).toMatchObject({ tracking_id, status: 'completed' });
    const [record] = job.output!.records;
    expect(record).toMatchObject({ model: 'sale.order', display_name: expect.stringMatching(/^S\d{5}$/) });
    expect(await odoo.searchCount('sale.order', [['id', '=', record!.id]])).toBe(1);
    // The same tracking id through another tenant finds nothing, on either replica.
    for (const base of [accepting, cluster.intakeUrl])
      expect((await status(base, tracking_id, 'otra', OTHER_KEY)).code).toBe(404);
  }, 60_000);

  it('still answers inline within the budget on the accepting replica, and the other one reads the same job', async () => {
    const response = await ask(accepting, '', 'hola, ¿qué puedes hacer?');
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { reply: string };
    expect(answer.reply.length).toBeGreaterThan(0);
    // The inline answer has no tracking id; a tracked one shows both replicas read one record.
    const tracked = await ask(accepting, '?async=1', 'hola');
    const { tracking_id } = (await tracked.json()) as JobView;
    const onOther = await until(cluster.intakeUrl, tracking_id, (j) => j.status === 'completed');
    const onAccepting = await status(accepting, tracking_id);
    expect(onAccepting.job).toEqual(onOther);
  }, 60_000);

  it('reports a job whose process was SIGKILLed mid-work as failed once its lease lapses', async () => {
    const started = await ask(accepting, '?async=1', quote);
    const { tracking_id } = (await started.json()) as JobView;
    await until(cluster.intakeUrl, tracking_id, (j) => j.status === 'processing');
    await cluster.killIntake(accepting);
    const job = await until(cluster.intakeUrl, tracking_id, (j) => j.status !== 'processing');
    expect(job).toMatchObject({ status: 'failed', error: { code: 'COPILOT_JOB_LOST' } });
  }, 60_000);
});
