import { demoTenant, RecordingQueue, rejectionOf } from '@mcp-crew/testing';
import { signChatwootBody } from './signature.js';
import { WebhookIntake } from './webhook-intake.js';
import { isSummaryRequest } from '../summary/summary-request.js';

const SECRET = 'whsec_resolved_spec';
const tenant = demoTenant(SECRET);

const NOW = 1_781_787_732_000;

/** The shape Chatwoot sends: the conversation's webhook data at the top level, plus the event name. */
function resolvedEvent(overrides: Record<string, unknown> = {}) {
  return {
    event: 'conversation_resolved',
    id: 1532,
    status: 'resolved',
    channel: 'Channel::Whatsapp',
    inbox_id: 11,
    additional_attributes: {},
    messages: [{ id: 48211, account_id: 3, conversation_id: 1532, message_type: 0, content: 'gracias' }],
    meta: { sender: { id: 901, name: 'Ana Gómez', phone_number: '+573001234567', email: null } },
    timestamp: NOW / 1000 - 5,
    ...overrides,
  };
}

function setup() {
  const queue = new RecordingQueue();
  const counted: string[] = [];
  const intake = new WebhookIntake({
    tenant: (id) => (id === 'demo' ? tenant : undefined),
    queue,
    metrics: { outcome: (t, outcome, reason) => counted.push(`${t}/${outcome}/${reason}`) },
    maxAgeSeconds: 300,
    now: () => NOW,
  });
  const send = (body: unknown, delivery = `d-${crypto.randomUUID()}`) => {
    const rawBody = Buffer.from(JSON.stringify(body));
    const timestamp = String(NOW / 1000);
    const headers: Record<string, string> = {
      'x-chatwoot-timestamp': timestamp,
      'x-chatwoot-signature': signChatwootBody(SECRET, timestamp, rawBody),
    };
    headers['x-chatwoot-delivery'] = delivery;
    return intake.receive({ tenantId: 'demo', headers, rawBody });
  };
  return { intake, queue, counted, send };
}

describe('WebhookIntake: resolved conversations', () => {
  it('queues one summary request for conversation_resolved, carrying channel, inbox and contact id only', async () => {
    const { queue, counted, send } = setup();
    await expect(send(resolvedEvent(), 'd-1')).resolves.toEqual({ status: 'queued', deliveryId: 'd-1' });
    expect(queue.messages).toHaveLength(1);
    const request = queue.messages[0]!;
    expect(isSummaryRequest(request)).toBe(true);
    expect(request).toMatchObject({
      tenantId: 'demo',
      accountId: 3,
      conversationId: 1532,
      inboxId: 11,
      channel: 'Channel::Whatsapp',
      content: '',
      sender: { id: 901, name: 'Ana Gómez' },
    });
    // The contact's phone is not copied into the work item.
    expect(JSON.stringify(request)).not.toContain('3001234567');
    expect(counted).toEqual(['demo/queued/accepted']);
  });

  it('queues conversation_status_changed only when the new status is resolved', async () => {
    const { queue, send } = setup();
    await expect(
      send(resolvedEvent({ event: 'conversation_status_changed', status: 'open' }), 'd-2'),
    ).resolves.toEqual({ status: 'ignored', reason: 'not_resolved' });
    await expect(send(resolvedEvent({ event: 'conversation_status_changed' }), 'd-3')).resolves.toMatchObject(
      { status: 'queued' },
    );
    expect(queue.messages.map((m) => m.deliveryId)).toEqual(['d-3']);
  });

  it('drops a repeated delivery', async () => {
    const { queue, send } = setup();
    await send(resolvedEvent(), 'd-4');
    await expect(send(resolvedEvent(), 'd-4')).resolves.toEqual({ status: 'duplicate', deliveryId: 'd-4' });
    expect(queue.messages).toHaveLength(1);
  });

  it('answers 400 with the field path for a malformed event, and never queues it', async () => {
    const { queue, send } = setup();
    const error = await rejectionOf(send(resolvedEvent({ inbox_id: 'eleven', meta: {} })));
    expect(error).toMatchObject({ code: 'WEBHOOK_INVALID_PAYLOAD', status: 400 });
    const paths = (error.details['issues'] as Array<{ path: string }>).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['inbox_id', 'meta.sender']));
    expect(queue.messages).toHaveLength(0);
  });

  it("refuses another account's conversation and a bad signature", async () => {
    const { queue, send, intake } = setup();
    const foreign = await rejectionOf(send(resolvedEvent({ account: { id: 9 } })));
    expect(foreign).toMatchObject({ code: 'WEBHOOK_ACCOUNT_MISMATCH' });
    const rawBody = Buffer.from(JSON.stringify(resolvedEvent()));
    const unsigned = await rejectionOf(
      intake.receive({
        tenantId: 'demo',
        headers: {
          'x-chatwoot-delivery': 'd-9',
          'x-chatwoot-timestamp': String(NOW / 1000),
          'x-chatwoot-signature': `sha256=${'0'.repeat(64)}`,
        },
        rawBody,
      }),
    );
    expect(unsigned).toMatchObject({ code: 'WEBHOOK_UNAUTHORIZED', status: 401 });
    expect(queue.messages).toHaveLength(0);
  });
});
