import type { IdempotencyStore, TenantId } from '@mcp-crew/core';
import { demoTenant, FIXTURE_SECRET, loadChatwootFixture, RecordingQueue } from '@mcp-crew/testing';
import { WebhookIntake } from '../webhook/webhook-intake.js';
import { TranscriptMailbox } from './transcript-mailbox.js';

/** The idempotency store's contract in a map (the adapters have their own contract suite). */
class MapStore implements IdempotencyStore {
  readonly entries = new Map<string, unknown>();
  async get(tenantId: TenantId, key: string) {
    return this.entries.get(`${tenantId}/${key}`);
  }
  async put(tenantId: TenantId, key: string, value: unknown) {
    this.entries.set(`${tenantId}/${key}`, value);
  }
}

/** A queue that, like both adapters, accepts one Chatwoot message once whatever delivery carries it. */
class MessageDedupeQueue extends RecordingQueue {
  override async enqueue(message: Parameters<RecordingQueue['enqueue']>[0]) {
    if (this.messages.some((m) => m.messageId === message.messageId)) return { accepted: false };
    return super.enqueue(message);
  }
}

let nowMs = 0;
const request = (name: string, mutate?: (body: Record<string, unknown>) => void) => {
  const f = loadChatwootFixture(name);
  nowMs = Number(f.headers['x-chatwoot-timestamp']) * 1000 + 1000;
  if (!mutate) return { tenantId: 'demo', headers: f.headers, rawBody: f.rawBody };
  // Re-signed by the test's tenant below (unsigned webhooks allowed): only the shape matters here.
  const body = structuredClone(f.body);
  mutate(body);
  return { tenantId: 'demo', headers: f.headers, rawBody: Buffer.from(JSON.stringify(body)) };
};

function setup() {
  const queue = new MessageDedupeQueue();
  const store = new MapStore();
  const counted: string[] = [];
  const tenant = demoTenant(FIXTURE_SECRET);
  const intake = new WebhookIntake({
    tenant: (id) => (id === 'demo' ? { ...tenant, chatwoot: { allowUnsignedWebhooks: true } } : undefined),
    queue,
    metrics: { outcome: (t, outcome, reason) => counted.push(`${t}/${outcome}/${reason}`) },
    maxAgeSeconds: 300,
    now: () => nowMs,
    transcripts: new TranscriptMailbox(store),
  });
  return { intake, queue, store, counted };
}

describe('voice notes at the webhook', () => {
  it('queues a voice note with its audio attachment, no text yet', async () => {
    const { intake, queue } = setup();
    await expect(intake.receive(request('whatsapp_voice_note'))).resolves.toMatchObject({ status: 'queued' });
    expect(queue.messages[0]).toMatchObject({
      messageId: 48230,
      content: '',
      attachments: [
        {
          id: 7301,
          kind: 'audio',
          contentType: 'audio/ogg',
          url: expect.stringContaining('/rails/active_storage/blobs/redirect/'),
        },
      ],
    });
    expect(queue.messages[0]!.attachments![0]).not.toHaveProperty('transcript');
  });

  it("leaves the transcription for the note's turn and does not queue the same message twice", async () => {
    const { intake, queue, store, counted } = setup();
    await intake.receive(request('whatsapp_voice_note'));
    await expect(intake.receive(request('whatsapp_voice_note_transcribed'))).resolves.toMatchObject({
      status: 'duplicate',
    });
    expect(queue.messages).toHaveLength(1);
    expect([...store.entries]).toEqual([
      [
        'demo/voice-transcript:1532:48230',
        expect.stringMatching(/^Hola, necesito un galón de esmalte blanco/),
      ],
    ]);
    expect(counted).toEqual(['demo/queued/accepted', 'demo/duplicate/duplicate_delivery']);
  });

  it('queues the transcription update as the turn when the note itself never came', async () => {
    const { intake, queue } = setup();
    await expect(intake.receive(request('whatsapp_voice_note_transcribed'))).resolves.toMatchObject({
      status: 'queued',
    });
    expect(queue.messages[0]!.attachments![0]).toMatchObject({
      kind: 'audio',
      transcript: expect.stringMatching(/esmalte blanco brillante/),
    });
  });

  it('still ignores other updates: an edit, an update without transcription, one in a conversation a person has', async () => {
    const { intake, queue, store } = setup();
    const edit = request('whatsapp_incoming_text', (b) => (b['event'] = 'message_updated'));
    const untranscribed = request('whatsapp_voice_note', (b) => (b['event'] = 'message_updated'));
    const humanOwns = request('whatsapp_voice_note_transcribed', (b) => {
      (b['conversation'] as Record<string, unknown>)['status'] = 'open';
    });
    for (const r of [edit, untranscribed])
      await expect(intake.receive(r)).resolves.toEqual({ status: 'ignored', reason: 'message_updated' });
    await expect(intake.receive(humanOwns)).resolves.toEqual({
      status: 'ignored',
      reason: 'human_owns_conversation',
    });
    expect(queue.messages).toEqual([]);
    expect(store.entries.size).toBe(0);
  });
});
