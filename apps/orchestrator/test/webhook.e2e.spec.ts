import type { Specialist, SpecialistRegistry, Turn } from '@mcp-crew/core';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A specialist that answers with what it was given, so the test can see turns and coalescing. */
class EchoSpecialist implements Specialist {
  readonly turns: Turn[] = [];
  failuresLeft = 0;
  async handle(turn: Turn) {
    this.turns.push(turn);
    if (this.failuresLeft-- > 0) throw new Error('model unavailable');
    return { replies: [`Recibido: ${turn.messages.map((m) => m.content).join(' / ')}`] };
  }
}

describe.each([
  ['Redis (BullMQ)', REDIS_URL],
  ['in-process', ''],
])('Chatwoot webhook → queue → crew → Chatwoot API, %s', (_name, redisUrl) => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  let specialist: EchoSpecialist;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    specialist = new EchoSpecialist();
    const specialists: SpecialistRegistry = {
      get: (_tenant, kind) => (kind === 'sales' || kind === 'support' ? specialist : undefined),
    };
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url), redisUrl, specialists });
  });

  afterEach(async () => {
    await app.close();
    await chatwoot.close();
  });

  const webhook = () => `${app.url}/webhooks/chatwoot/demo`;
  const messagesTo = (conversation: number) =>
    chatwoot.requests.filter(
      (r) => r.method === 'POST' && r.path === `/api/v1/accounts/3/conversations/${conversation}/messages`,
    );

  it('answers a WhatsApp customer through the Chatwoot API with the exact request', async () => {
    const response = await post(webhook(), signedFixture('whatsapp_incoming_text'));
    expect(response).toEqual({ status: 200, json: { status: 'queued', deliveryId: expect.any(String) } });
    const [sent] = await eventually(() => messagesTo(1532).length > 0 && messagesTo(1532));
    expect(sent?.headers['api_access_token']).toBe('bot-token-e2e-123');
    expect(sent?.headers['content-type']).toMatch(/^application\/json/);
    expect(sent?.body).toEqual({
      content: 'Recibido: Hola, ¿tienen pintura esmalte blanca de 1 galón?',
      message_type: 'outgoing',
      private: false,
      content_type: 'text',
      content_attributes: {},
    });
    expect(specialist.turns[0]?.messages[0]).toMatchObject({
      tenantId: 'demo',
      conversationId: 1532,
      channel: 'Channel::Whatsapp',
    });
  });

  it('shows typing while the turn works and always clears it: on, the status read, the reply, off', async () => {
    await post(webhook(), signedFixture('whatsapp_incoming_text'));
    await eventually(
      () => chatwoot.requests.filter((r) => r.path.endsWith('/toggle_typing_status')).length === 2,
    );
    const calls = chatwoot.requests.map((r) => [
      r.method,
      r.path.replace('/api/v1/accounts/3/conversations/1532', ''),
      r.body,
    ]);
    expect(calls).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined], // the status, read right before speaking: the bot still owns the conversation
      [
        'POST',
        '/messages',
        expect.objectContaining({ private: false, content: expect.stringMatching(/^Recibido: /) }),
      ],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
    expect(chatwoot.conversation(1532, 3)?.typing).toBe('off');
  });

  it('drops a duplicate delivery and answers once', async () => {
    const request = signedFixture('whatsapp_incoming_text');
    expect((await post(webhook(), request)).json).toMatchObject({ status: 'queued' });
    expect((await post(webhook(), request)).json).toMatchObject({ status: 'duplicate' });
    await eventually(() => messagesTo(1532).length > 0);
    await new Promise((r) => setTimeout(r, 400)); // longer than the coalescing window: nothing else may come
    expect(messagesTo(1532)).toHaveLength(1);
  });

  it('answers a captured webhook replayed under new delivery ids once, inside and after the burst window', async () => {
    const request = signedFixture('whatsapp_incoming_text');
    const replay = () => ({
      ...request,
      headers: { ...request.headers, 'x-chatwoot-delivery': crypto.randomUUID() },
    });
    expect((await post(webhook(), request)).json).toMatchObject({ status: 'queued' });
    expect((await post(webhook(), replay())).json).toMatchObject({ status: 'duplicate' });
    await eventually(() => messagesTo(1532).length > 0);
    expect((await post(webhook(), replay())).json).toMatchObject({ status: 'duplicate' });
    await new Promise((r) => setTimeout(r, 400));
    expect(messagesTo(1532)).toHaveLength(1);
    expect(specialist.turns.flatMap((t) => t.messages)).toHaveLength(1);
  });

  it('coalesces a burst into one turn, in order', async () => {
    const parts = ['hola', 'quiero pintura', 'blanca'];
    for (const [i, content] of parts.entries()) {
      await post(
        webhook(),
        signedFixture('whatsapp_incoming_text', (b) => {
          b['content'] = content;
          b['id'] = 90_000 + i;
        }),
      );
    }
    const [sent] = await eventually(() => messagesTo(1532).length > 0 && messagesTo(1532));
    expect(sent?.body).toMatchObject({ content: 'Recibido: hola / quiero pintura / blanca' });
    expect(specialist.turns).toHaveLength(1);
  });

  it('stays silent on its own echo, private notes and conversations a human owns', async () => {
    for (const name of ['whatsapp_outgoing_echo', 'whatsapp_private_note', 'whatsapp_human_owns']) {
      const { status, json } = await post(webhook(), signedFixture(name));
      expect(status).toBe(200);
      expect(json).toMatchObject({ status: 'ignored' });
    }
    await new Promise((r) => setTimeout(r, 400));
    expect(chatwoot.requests).toHaveLength(0);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(
      /mcp_crew_webhook_deliveries_total\{tenant="demo",outcome="ignored",reason="human_owns_conversation"\} 1/,
    );
  });

  it('refuses a forged signature (401) and a malformed body (400 with the field path)', async () => {
    const forged = signedFixture('whatsapp_incoming_text');
    forged.headers['x-chatwoot-signature'] = `sha256=${'0'.repeat(64)}`;
    expect(await post(webhook(), forged)).toEqual({
      status: 401,
      json: {
        error: expect.objectContaining({
          code: 'WEBHOOK_UNAUTHORIZED',
          message: 'the webhook could not be authenticated',
          details: {},
        }),
      },
    });
    const malformed = signedFixture('whatsapp_incoming_text', (b) => {
      (b['conversation'] as Record<string, unknown>)['status'] = 42;
    });
    const bad = await post(webhook(), malformed);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      error: {
        code: 'WEBHOOK_INVALID_PAYLOAD',
        path: 'conversation.status',
        details: { issues: [{ path: 'conversation.status' }] },
      },
    });
  });

  it('retries a failing turn, then answers', async () => {
    specialist.failuresLeft = 1;
    await post(webhook(), signedFixture('whatsapp_incoming_text'));
    await eventually(() => messagesTo(1532).length > 0);
    expect(specialist.turns).toHaveLength(2);
  });

  it('after the last retry tells the customer and hands the conversation to a human', async () => {
    specialist.failuresLeft = 99;
    await post(webhook(), signedFixture('whatsapp_incoming_text'));
    await eventually(() => chatwoot.requests.some((r) => r.path.endsWith('/toggle_status')));
    const paths = chatwoot.requests
      .filter((r) => r.method === 'POST')
      .map((r) => r.path.replace('/api/v1/accounts/3/conversations/1532', ''));
    // Each of the three attempts showed typing and cleared it; then the customer is told and a person takes over.
    const attemptTyping = ['/toggle_typing_status', '/toggle_typing_status'];
    expect(paths).toEqual([
      ...attemptTyping,
      ...attemptTyping,
      ...attemptTyping,
      '/messages',
      '/messages',
      '/labels',
      '/toggle_status',
    ]);
    const [customer, note] = messagesTo(1532);
    expect(customer?.body).toMatchObject({
      private: false,
      content: expect.stringContaining('tuvimos un problema'),
    });
    expect(note?.body).toMatchObject({
      private: true,
      content: expect.stringContaining('could not process this conversation'),
    });
    expect(chatwoot.requests.at(-1)?.body).toEqual({ status: 'open' });
    expect(specialist.turns).toHaveLength(3);
  });

  it('hands over with a private note when no specialist is configured', async () => {
    await post(
      webhook(),
      signedFixture('whatsapp_incoming_text', (b) => {
        b['content'] = '¿Me pueden agendar una visita para el martes?';
      }),
    );
    await eventually(() => chatwoot.requests.some((r) => r.path.endsWith('/toggle_status')));
    const [customer, note] = messagesTo(1532);
    expect(customer?.body).toMatchObject({
      private: false,
      content: 'Te comunico con una persona de nuestro equipo. Te responderá en breve.',
    });
    expect(note?.body).toMatchObject({
      private: true,
      content: expect.stringContaining('No specialist is configured for "scheduling"'),
    });
  });

  it('writes e-mail replies with greeting and signature', async () => {
    await post(webhook(), signedFixture('email_incoming'));
    const sent = await eventually(() =>
      chatwoot.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages')),
    );
    const content = String((sent.body as Record<string, unknown>)['content']);
    expect(content).toMatch(/^Hola /);
    expect(content).toContain('Pinturas El Arcoíris');
  });
});

describe('when Redis is down', () => {
  it('answers 500 so that Chatwoot retries, and /health says so', async () => {
    const chatwoot = await startFakeChatwoot();
    const app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url),
      redisUrl: 'redis://127.0.0.1:1',
    });
    try {
      const response = await post(
        `${app.url}/webhooks/chatwoot/demo`,
        signedFixture('whatsapp_incoming_text'),
      );
      expect(response).toEqual({
        status: 500,
        json: { error: expect.objectContaining({ code: 'WEBHOOK_QUEUE_UNAVAILABLE' }) },
      });
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(503);
      // Each dependency with its state and reason, not a bare "Service Unavailable".
      const body = (await health.json()) as {
        status: string;
        details: Record<string, { status: string; kind: string; reason?: string }>;
      };
      expect(body.status).toBe('error');
      expect(body.details['redis']).toMatchObject({
        status: 'down',
        kind: 'redis',
        reason: expect.any(String),
      });
      expect(body.details['queue']).toMatchObject({ status: 'down', kind: 'redis' });
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
    } finally {
      await app.close();
      await chatwoot.close();
    }
  }, 20_000);
});
