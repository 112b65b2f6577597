import { describe, expect, it } from '@jest/globals';
import type { IdempotencyStore, TenantId, Turn } from '@mcp-crew/core';
import { makeInboundMessage } from '@mcp-crew/testing';
import { testTenant, webchatCrew } from '../turn/testing/turn-fixture.js';
import { MediaReader } from './media-reader.js';
import { TranscriptMailbox } from './transcript-mailbox.js';

class MapStore implements IdempotencyStore {
  readonly entries = new Map<string, unknown>();
  async get(tenantId: TenantId, key: string) {
    return this.entries.get(`${tenantId}/${key}`);
  }
  async put(tenantId: TenantId, key: string, value: unknown) {
    this.entries.set(`${tenantId}/${key}`, value);
  }
}

const voiceTurn = (): Turn => {
  const message = makeInboundMessage({
    content: '',
    attachments: [{ id: 9, kind: 'audio', url: 'http://127.0.0.1:9/audio.ogg', contentType: 'audio/ogg' }],
  });
  return { tenantId: message.tenantId, conversationId: message.conversationId, messages: [message] };
};

describe('MediaReader: what a hand-over knows of a voice note', () => {
  it("keeps the endpoint's transcript, so a later hand-over of the turn shows it without a second call", async () => {
    let calls = 0;
    const transcripts = new TranscriptMailbox(new MapStore());
    const reader = new MediaReader({
      models: {
        transcriber: () => ({ transcribe: async () => (calls++, 'necesito dos galones de vinilo') }),
        describer: () => undefined,
      },
      fetcher: { fetch: async () => ({ bytes: new Uint8Array(10), contentType: 'audio/ogg' }) },
      transcripts,
      waitMs: 0,
      maxBytes: 1_000_000,
      logger: { warn: () => undefined },
    });
    const turn = voiceTurn();
    // Before any read, nothing is known: the note would say "not transcribed".
    expect((await reader.known(turn)).messages[0]!.attachments![0]!.transcript).toBeUndefined();
    await reader.read(turn, testTenant(), webchatCrew(), 'es');
    const known = await reader.known(turn);
    expect(known.messages[0]!.attachments![0]).toMatchObject({
      transcript: 'necesito dos galones de vinilo',
    });
    expect(calls).toBe(1);
  });
});
