import { tenantId, type QueueInspection } from '@mcp-crew/core';
import { searchKnowledge } from '@mcp-crew/knowledge';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { signChatwootBody } from '@mcp-crew/pipeline';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

/** A signed `conversation_resolved` delivery: Chatwoot sends the conversation's webhook data at the top level. */
function resolvedWebhook(conversationId: number) {
  const body = Buffer.from(
    JSON.stringify({
      event: 'conversation_resolved',
      id: conversationId,
      status: 'resolved',
      channel: 'Channel::Whatsapp',
      inbox_id: 11,
      additional_attributes: {},
      messages: [
        { id: 1, account_id: 3, conversation_id: conversationId, message_type: 1, content: 'listo' },
      ],
      meta: { sender: { id: 901, name: 'Ana Gómez', phone_number: '+573001234567' } },
      timestamp: Math.floor(Date.now() / 1000),
    }),
  );
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-chatwoot-delivery': crypto.randomUUID(),
      'x-chatwoot-timestamp': timestamp,
      'x-chatwoot-signature': signChatwootBody('whsec_test_secret', timestamp, body),
    },
  };
}

/**
 * A customer's turn (offline engine, MCP-Odoo, the sandbox), then Chatwoot reports the conversation
 * resolved: its summary lands in the demo tenant's interaction_history, once, and nowhere else.
 */
describe('summaries of resolved conversations', () => {
  let chatwoot: FakeChatwoot;
  let sandbox: OdooSandbox;
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
    chatwoot = await startFakeChatwoot();
    const odooLine = `    odoo: {url: "${sandbox.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}\n`;
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url, odooLine) });
  });
  afterAll(async () => {
    await app.close();
    await chatwoot.close();
    await sandbox.close();
  });

  const handledTurns = () => (app.runtime.queue as unknown as QueueInspection).stats().turnsHandled;
  // The demo's seed history is in the same collection; summaries are the conversation sources.
  const history = async (tenant: string) =>
    (await app.runtime.knowledge!.store.listPoints(tenantId(tenant), 'interaction_history')).filter((p) =>
      p.source.startsWith('chatwoot:conversation/'),
    );

  it('writes one point per conversation from its state, replaced when it is resolved again', async () => {
    const say = signedFixture('whatsapp_incoming_text', (body) => {
      body['content'] = 'Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco';
      body['id'] = 81_001;
      (body['conversation'] as { meta: { sender: Record<string, unknown> } }).meta.sender['phone_number'] =
        '+57 300 123 4567';
    });
    expect((await post(`${app.url}/webhooks/chatwoot/demo`, say)).status).toBe(200);
    const reply = await eventually(() =>
      chatwoot.requests.find(
        (r) =>
          r.path === '/api/v1/accounts/3/conversations/1532/messages' &&
          (r.body as { private?: boolean }).private === false,
      ),
    );
    const quotation = /\*(S\d{5})\*/.exec(String((reply.body as { content: string }).content))?.[1];
    expect(quotation).toBeDefined();

    const first = await post(`${app.url}/webhooks/chatwoot/demo`, resolvedWebhook(1532));
    expect(first).toMatchObject({ status: 200 });
    const [point] = await eventually(async () => {
      const points = await history('demo');
      return points.length > 0 && points;
    });
    expect(point).toMatchObject({ source: 'chatwoot:conversation/1532', language: 'es', tenantId: 'demo' });
    expect(point!.text).toContain('galones de esmalte blanco');
    expect(point!.text).toContain(`Cotización en Odoo: ${quotation}`);
    expect(point!.text).toContain('chatwoot:contact/901');
    expect(point!.text).not.toMatch(/3001234567|\+57/);

    // As `crew search --collection interaction_history` would find it.
    const hits = await searchKnowledge({
      tenantId: tenantId('demo'),
      collection: 'interaction_history',
      query: 'esmalte blanco cotización',
      store: app.runtime.knowledge!.store,
      embedder: app.runtime.knowledge!.embedder,
    });
    expect(hits[0]?.source).toBe('chatwoot:conversation/1532');

    // Resolving again (Chatwoot also sends conversation_status_changed) replaces the point instead of adding one.
    const again = resolvedWebhook(1532);
    const body = JSON.parse(again.body.toString()) as Record<string, unknown>;
    body['event'] = 'conversation_status_changed';
    const raw = Buffer.from(JSON.stringify(body));
    again.body = raw;
    again.headers['x-chatwoot-signature'] = signChatwootBody(
      'whsec_test_secret',
      again.headers['x-chatwoot-timestamp'],
      raw,
    );
    expect((await post(`${app.url}/webhooks/chatwoot/demo`, again)).status).toBe(200);
    // Three turns: the message, the first resolution, the second one.
    await eventually(() => handledTurns() >= 3);
    expect((await history('demo')).map((p) => p.source)).toEqual(['chatwoot:conversation/1532']);
    // Nothing crosses tenants.
    expect(await history('other')).toEqual([]);
  });

  it('answers 400 with the field path for a malformed resolved event', async () => {
    const bad = resolvedWebhook(1532);
    const raw = Buffer.from(JSON.stringify({ event: 'conversation_resolved', id: 1532, status: 'resolved' }));
    bad.body = raw;
    bad.headers['x-chatwoot-signature'] = signChatwootBody(
      'whsec_test_secret',
      bad.headers['x-chatwoot-timestamp'],
      raw,
    );
    const response = await post(`${app.url}/webhooks/chatwoot/demo`, bad);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.json)).toContain('inbox_id');
  });
});
