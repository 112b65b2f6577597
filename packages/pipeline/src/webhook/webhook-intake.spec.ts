import type { TenantConfig } from '@mcp-crew/core';
import {
  demoTenant,
  FIXTURE_SECRET,
  loadChatwootFixture,
  RecordingQueue,
  rejectionOf,
} from '@mcp-crew/testing';
import { signChatwootBody } from './signature.js';
import { WebhookIntake } from './webhook-intake.js';
import { isCrewError } from '@mcp-crew/core';

const tenant = demoTenant(FIXTURE_SECRET);

function setup(overrides: Partial<TenantConfig> = {}) {
  const queue = new RecordingQueue();
  const counted: string[] = [];
  const intake = new WebhookIntake({
    tenant: (id) => (id === 'demo' ? { ...tenant, ...overrides } : undefined),
    queue,
    metrics: { outcome: (t, outcome, reason) => counted.push(`${t}/${outcome}/${reason}`) },
    maxAgeSeconds: 300,
    now: () => nowMs,
  });
  return { intake, queue, counted };
}

// Fixtures carry fixed timestamps: the clock follows the fixture being sent.
let nowMs = 1781787732_000;
const request = (name: string, extra: Record<string, string> = {}) => {
  const f = loadChatwootFixture(name);
  nowMs = Number(f.headers['x-chatwoot-timestamp']) * 1000 + 2000;
  return { tenantId: 'demo', headers: { ...f.headers, ...extra }, rawBody: f.rawBody };
};

describe('WebhookIntake', () => {
  it('queues a customer message of a pending conversation, normalised', async () => {
    const { intake, queue, counted } = setup();
    await expect(intake.receive(request('whatsapp_incoming_text'))).resolves.toEqual({
      status: 'queued',
      deliveryId: '4f8d2c1e-7b3a-4e6f-9a1d-2c5b8e0f3a71',
    });
    expect(queue.messages[0]).toMatchObject({
      tenantId: 'demo',
      accountId: 3,
      conversationId: 1532,
      inboxId: 11,
      messageId: 48211,
      channel: 'Channel::Whatsapp',
      content: 'Hola, ¿tienen pintura esmalte blanca de 1 galón?',
      sender: { id: 5120, name: 'Martín Gómez', phone: '+5491155550123' },
    });
    expect(counted).toEqual(['demo/queued/accepted']);
  });

  it('acknowledges a duplicate delivery without queueing it again', async () => {
    const { intake, queue, counted } = setup();
    await intake.receive(request('whatsapp_incoming_text'));
    await expect(intake.receive(request('whatsapp_incoming_text'))).resolves.toMatchObject({
      status: 'duplicate',
    });
    expect(queue.messages).toHaveLength(1);
    expect(counted[1]).toBe('demo/duplicate/duplicate_delivery');
  });

  it.each([
    ['whatsapp_outgoing_echo', 'outgoing'],
    ['whatsapp_private_note', 'outgoing'],
    ['whatsapp_human_owns', 'human_owns_conversation'],
  ])('ignores %s (%s) and counts why', async (name, reason) => {
    const { intake, queue, counted } = setup();
    const outcome = await intake.receive(request(name));
    expect(outcome).toEqual({ status: 'ignored', reason: expect.any(String) });
    expect(queue.messages).toHaveLength(0);
    expect(counted[0]).toMatch(/^demo\/ignored\//);
    if (name !== 'whatsapp_private_note') expect(outcome).toMatchObject({ reason });
  });

  it('takes the e-mail subject from the message', async () => {
    const { intake, queue } = setup();
    await intake.receive(request('email_incoming'));
    expect(queue.messages[0]?.channel).toBe('Channel::Email');
    expect(queue.messages[0]?.subject).toEqual(expect.any(String));
  });

  it('ignores events that are not messages', async () => {
    const { intake } = setup();
    nowMs = 1781787732_000;
    const rawBody = Buffer.from(JSON.stringify({ event: 'conversation_opened', id: 1532, status: 'open' }));
    const headers = {
      'x-chatwoot-delivery': 'd-opened',
      'x-chatwoot-timestamp': '1781787732',
      'x-chatwoot-signature': signChatwootBody(FIXTURE_SECRET, '1781787732', rawBody),
    };
    await expect(intake.receive({ tenantId: 'demo', headers, rawBody })).resolves.toEqual({
      status: 'ignored',
      reason: 'unsupported_event',
    });
  });

  it('refuses a bad signature with 401 (the reason is kept for logs)', async () => {
    const { intake, queue } = setup();
    const error = await rejectionOf(
      intake.receive(
        request('whatsapp_incoming_text', { 'x-chatwoot-signature': `sha256=${'a'.repeat(64)}` }),
      ),
    );
    expect(error).toMatchObject({ code: 'WEBHOOK_UNAUTHORIZED', status: 401, reason: 'bad_signature' });
    expect(queue.messages).toHaveLength(0);
  });

  it('refuses unsigned webhooks when the tenant has no secret, unless it opted out', async () => {
    const noSecret = { chatwoot: { allowUnsignedWebhooks: false } };
    const error = await rejectionOf(setup(noSecret).intake.receive(request('whatsapp_incoming_text')));
    expect(error).toMatchObject({ status: 401, reason: 'webhook_secret_not_configured' });
    const optedOut = setup({ chatwoot: { allowUnsignedWebhooks: true } });
    await expect(
      optedOut.intake.receive(request('whatsapp_incoming_text', { 'x-chatwoot-signature': '' })),
    ).resolves.toMatchObject({ status: 'queued' });
  });

  it('answers 400 with the field path for a malformed body, and never queues it', async () => {
    const { intake, queue } = setup();
    const body = loadChatwootFixture('whatsapp_incoming_text').body;
    const broken = { ...body, conversation: { ...(body.conversation as object), id: 'abc' } };
    const rawBody = Buffer.from(JSON.stringify(broken));
    const headers = {
      'x-chatwoot-delivery': 'd-opened',
      'x-chatwoot-timestamp': '1781787732',
      'x-chatwoot-signature': signChatwootBody(FIXTURE_SECRET, '1781787732', rawBody),
    };
    const error = await rejectionOf(intake.receive({ tenantId: 'demo', headers, rawBody }));
    expect(error).toMatchObject({ code: 'WEBHOOK_INVALID_PAYLOAD', status: 400 });
    expect(error.details['issues']).toEqual([
      { path: 'conversation.id', message: expect.stringContaining('expected number') },
    ]);
    expect(queue.messages).toHaveLength(0);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const rawBody = Buffer.from('{"event": ');
    const headers = {
      'x-chatwoot-delivery': 'd-opened',
      'x-chatwoot-timestamp': '1781787732',
      'x-chatwoot-signature': signChatwootBody(FIXTURE_SECRET, '1781787732', rawBody),
    };
    const error = await rejectionOf(setup().intake.receive({ tenantId: 'demo', headers, rawBody }));
    expect(error).toMatchObject({ code: 'WEBHOOK_INVALID_JSON', status: 400 });
  });

  it('answers 500 when the queue cannot take the message, so Chatwoot retries', async () => {
    const { intake, queue, counted } = setup();
    queue.failing = true;
    const error = await rejectionOf(intake.receive(request('whatsapp_incoming_text')));
    expect(error).toMatchObject({ code: 'WEBHOOK_QUEUE_UNAVAILABLE', status: 500 });
    expect(counted).toEqual(['demo/failed/queue_unavailable']);
  });

  it('answers an unknown tenant exactly like a bad signature on a known one, so tenant ids cannot be probed', async () => {
    const { intake } = setup();
    const unknown = await rejectionOf(
      intake.receive({ ...request('whatsapp_incoming_text'), tenantId: 'other' }),
    );
    const forged = await rejectionOf(
      intake.receive(
        request('whatsapp_incoming_text', { 'x-chatwoot-signature': `sha256=${'0'.repeat(64)}` }),
      ),
    );
    expect(unknown).toMatchObject({ status: 401, code: 'WEBHOOK_UNAUTHORIZED', reason: 'unknown_tenant' });
    expect(forged).toMatchObject({ status: 401, code: 'WEBHOOK_UNAUTHORIZED', reason: 'bad_signature' });
    expect((unknown as Error).message).toBe((forged as Error).message);
    expect((unknown as Error).message).not.toContain('other');
  });

  it('refuses disabled tenants (only after the signature) and foreign accounts', async () => {
    expect(
      await rejectionOf(setup({ enabled: false }).intake.receive(request('whatsapp_incoming_text'))),
    ).toMatchObject({ status: 403 });
    const forgedDisabled = setup({ enabled: false }).intake.receive(
      request('whatsapp_incoming_text', { 'x-chatwoot-signature': `sha256=${'0'.repeat(64)}` }),
    );
    expect(await rejectionOf(forgedDisabled)).toMatchObject({ status: 401 });
    const foreign = await rejectionOf(
      setup({ chatwootAccountId: 99 }).intake.receive(request('whatsapp_incoming_text')),
    );
    expect(isCrewError(foreign, 'WEBHOOK_ACCOUNT_MISMATCH')).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('refuses a %s X-Chatwoot-Delivery with a 400 and queues nothing', async (_name, value) => {
    const { intake, queue } = setup();
    const req = request('whatsapp_incoming_text');
    if (value === undefined)
      delete (req.headers as Record<string, string | undefined>)['x-chatwoot-delivery'];
    else req.headers['x-chatwoot-delivery'] = value;
    const error = await rejectionOf(intake.receive(req));
    expect(error).toMatchObject({
      status: 400,
      code: 'WEBHOOK_DELIVERY_ID_MISSING',
      path: 'headers.x-chatwoot-delivery',
    });
    expect(queue.messages).toEqual([]);
  });
});
