import type { Specialist, SpecialistRegistry, Turn } from '@mcp-crew/core';
import { describeOnRedisCluster, startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

class EchoSpecialist implements Specialist {
  readonly turns: Turn[] = [];
  async handle(turn: Turn) {
    this.turns.push(turn);
    return { replies: [`Recibido: ${turn.messages.map((m) => m.content).join(' / ')}`] };
  }
}

/**
 * The whole app on a throwaway 3-master Redis Cluster (REDIS_CLUSTER_NODES): webhook → BullMQ → turn →
 * Chatwoot, with the dedupe, conversation state and cache on the cluster too.
 */
describeOnRedisCluster('the orchestrator on a Redis Cluster (REDIS_CLUSTER_NODES)', (cluster) => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  let specialist: EchoSpecialist;

  beforeAll(async () => {
    chatwoot = await startFakeChatwoot({ botToken: 'bot-token-e2e-123' });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
    specialist = new EchoSpecialist();
    const specialists: SpecialistRegistry = { get: () => specialist };
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url),
      specialists,
      env: { REDIS_CLUSTER_NODES: cluster().nodesSetting },
    });
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    await chatwoot?.close();
  }, 30_000);

  it('is ready with Redis up, answers a message once and drops its replay', async () => {
    // The probe's own cluster connection discovers the slots first: ready within a moment of the start.
    const ready = await eventually(async () => {
      const response = await fetch(`${app.url}/health/ready`);
      return response.status === 200 && ((await response.json()) as { details: object });
    });
    expect(ready.details).toMatchObject({
      queue: { status: 'up', kind: 'redis' },
      redis: { status: 'up', kind: 'redis' },
    });

    const request = signedFixture('whatsapp_incoming_text');
    expect((await post(`${app.url}/webhooks/chatwoot/demo`, request)).json).toMatchObject({
      status: 'queued',
    });
    const replay = {
      ...request,
      headers: { ...request.headers, 'x-chatwoot-delivery': crypto.randomUUID() },
    };
    expect((await post(`${app.url}/webhooks/chatwoot/demo`, replay)).json).toMatchObject({
      status: 'duplicate',
    });

    const replies = () =>
      chatwoot.requests.filter(
        (r) => r.method === 'POST' && r.path === '/api/v1/accounts/3/conversations/1532/messages',
      );
    await eventually(() => replies().length === 1, 15_000);
    expect(specialist.turns).toHaveLength(1);
    // The conversation's memory is on the cluster: the next turn of this conversation finds it.
    const tenant = specialist.turns[0]!.tenantId;
    await eventually(async () => (await app.runtime.state.load(tenant, 1532)).history.length > 0);
  }, 30_000);
});
