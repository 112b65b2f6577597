import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Specialist, SpecialistRegistry, Turn } from '@mcp-crew/core';
import { HANDOFF_MESSAGE, IMAGE_ASK_TO_DESCRIBE, VOICE_ASK_TO_WRITE } from '@mcp-crew/pipeline';
import {
  loadChatwootFixture,
  startFakeChatwoot,
  startModelEndpointStandIn,
  type FakeChatwoot,
  type ModelEndpointStandIn,
} from '@mcp-crew/testing';
import { CREWS_DIR, eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE = '/api/v1/accounts/3/conversations/1532';
const TRANSCRIPT = (
  loadChatwootFixture('whatsapp_voice_note_transcribed').body['attachments'] as Array<{
    transcribed_text: string;
  }>
)[0]!.transcribed_text;
const AUDIO = new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 7, 7]); // an Ogg page header
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

/** Answers with the text it was given: what the crew read from a voice note or photo is what it echoes. */
class EchoSpecialist implements Specialist {
  async handle(turn: Turn) {
    return { replies: [`Recibido: ${turn.messages.map((m) => m.content).join(' / ')}`] };
  }
}

/** The crews folder with the WhatsApp crew's media fallbacks set to hand over. */
function crewsHandingOver(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-crew-crews-'));
  cpSync(CREWS_DIR, dir, { recursive: true });
  const file = join(dir, 'whatsapp.yaml');
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8')}\nmedia: {voiceFallback: handoff, imageFallback: handoff}\n`,
  );
  return dir;
}

/**
 * Voice notes and photos end to end: signed Chatwoot deliveries (recorded shapes) → webhook → Redis queue →
 * the turn reads the media → crew → a recording Chatwoot; transcription and vision by a local
 * OpenAI-compatible stand-in, never the network.
 */
describe('voice notes and photos: webhook → Redis queue → media → crew → recording Chatwoot', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let standIn: ModelEndpointStandIn | undefined;
  let nextId = 95_000;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: 'bot-token-e2e-123' });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
  });
  afterEach(async () => {
    await app?.close();
    await standIn?.close();
    await chatwoot.close();
    app = undefined;
    standIn = undefined;
  });

  const start = async (options: { extra?: string; env?: Record<string, string>; echo?: boolean } = {}) => {
    const specialists: SpecialistRegistry | undefined =
      options.echo === false ? undefined : { get: () => new EchoSpecialist() };
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url, options.extra ?? ''),
      redisUrl: REDIS_URL,
      ...(specialists ? { specialists } : {}),
      env: { VOICE_TRANSCRIPT_WAIT_MS: '6000', ...options.env },
    });
    return app;
  };
  /** Each test's own message id, the attachment served by the fake Chatwoot at its `data_url` path. */
  const deliver = (name: string, id: number, file?: { bytes: Uint8Array; contentType: string }) =>
    post(
      `${app!.url}/webhooks/chatwoot/demo`,
      signedFixture(name, (body) => {
        body['id'] = id;
        for (const a of body['attachments'] as Array<Record<string, unknown>>) {
          a['message_id'] = id;
          const path = new URL(String(a['data_url'])).pathname;
          a['data_url'] = `${chatwoot.url}${path}?disposition=inline`;
          if (file) chatwoot.setFile(path, file);
        }
      }),
    );
  const calls = () =>
    chatwoot.requests
      .filter((r) => r.path.startsWith(BASE))
      .map((r) => [r.method, r.path.slice(BASE.length), r.body] as const);
  const typingOff = () =>
    calls().filter(
      ([, p, b]) => p === '/toggle_typing_status' && (b as { typing_status: string }).typing_status === 'off',
    ).length;
  const message = (content: string, isPrivate = false) => ({
    content,
    message_type: 'outgoing',
    private: isPrivate,
    content_type: 'text',
    content_attributes: {},
  });
  const downloads = () =>
    chatwoot.requests.filter((r) => r.path.startsWith('/rails/') || r.path.startsWith('/storage/'));

  it("answers a voice note once from Chatwoot's transcription when both the note and its update arrive", async () => {
    await start();
    const id = ++nextId;
    expect((await deliver('whatsapp_voice_note', id)).json).toMatchObject({ status: 'queued' });
    // The transcription lands while the note's turn waits for it: the same message, so not a second turn.
    expect((await deliver('whatsapp_voice_note_transcribed', id)).json).toMatchObject({
      status: 'duplicate',
    });
    await eventually(() => typingOff() === 1);

    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      ['POST', '/messages', message(`Recibido: ${TRANSCRIPT}`)],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
    // Nothing was downloaded: no transcription endpoint is configured and Chatwoot's text was enough.
    expect(downloads()).toEqual([]);
  });

  it('answers once when the transcription update arrives before the note itself', async () => {
    await start();
    const id = ++nextId;
    expect((await deliver('whatsapp_voice_note_transcribed', id)).json).toMatchObject({ status: 'queued' });
    expect((await deliver('whatsapp_voice_note', id)).json).toMatchObject({ status: 'duplicate' });
    await eventually(() => typingOff() === 1);
    expect(calls().filter(([m, p]) => m === 'POST' && p === '/messages')).toEqual([
      ['POST', '/messages', message(`Recibido: ${TRANSCRIPT}`)],
    ]);
  });

  it('asks the customer to write when no transcription arrives within the wait (crew default)', async () => {
    await start({ env: { VOICE_TRANSCRIPT_WAIT_MS: '300' } });
    expect((await deliver('whatsapp_voice_note', ++nextId)).json).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff() === 1);
    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      ['POST', '/messages', message(VOICE_ASK_TO_WRITE.es)],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
    expect(chatwoot.conversation(1532, 3)?.status).toBe('pending');
  });

  it('hands over with a note when the crew says so and no transcription arrives', async () => {
    await start({ env: { VOICE_TRANSCRIPT_WAIT_MS: '300', CREWS_DIR: crewsHandingOver() } });
    expect((await deliver('whatsapp_voice_note', ++nextId)).json).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff() === 1);
    const note = (calls()[3]![2] as { content: string }).content;
    expect(note).toContain('voice note that could not be transcribed');
    expect(note).toContain('> (voice note, not transcribed)');
    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      ['POST', '/messages', message(HANDOFF_MESSAGE.es)],
      ['POST', '/messages', message(note, true)],
      ['GET', '/labels', undefined],
      ['POST', '/labels', { labels: ['bot-handoff', 'whatsapp'] }],
      ['POST', '/toggle_status', { status: 'open' }],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
    expect(chatwoot.conversation(1532, 3)?.status).toBe('open');
  });

  it("transcribes through the tenant's endpoint, fetching the note from Chatwoot with the bot token", async () => {
    standIn = await startModelEndpointStandIn({
      transcript: 'quiero hablar con una persona sobre mi pedido',
    });
    await start({
      extra: `    models: {local: {apiKey: sk-tenant-local-123, baseUrl: "${standIn.url}"}}
    model: {transcription: {provider: local, name: whisper-large-v3}}
`,
    });
    expect(
      (await deliver('whatsapp_voice_note', ++nextId, { bytes: AUDIO, contentType: 'audio/ogg' })).json,
    ).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff() === 1);

    // Chatwoot's redirect route with the bot token, then the storage it redirects to (here on Chatwoot's
    // own origin, so the token goes along; another origin never gets it: chatwoot-attachments.spec.ts).
    expect(downloads().map((r) => [r.path.split('/')[1], r.headers['api_access_token']])).toEqual([
      ['rails', 'bot-token-e2e-123'],
      ['storage', 'bot-token-e2e-123'],
    ]);
    expect(standIn.calls).toEqual([
      {
        path: '/v1/audio/transcriptions',
        apiKey: 'sk-tenant-local-123',
        model: 'whisper-large-v3',
        file: { bytes: AUDIO.byteLength, type: 'audio/ogg' },
        language: 'es',
      },
    ]);
    // The transcript asks for a person: the escalation hands over, and the note shows the transcript.
    const note = (calls()[3]![2] as { content: string }).content;
    expect(note).toContain('> (voice note, transcript) quiero hablar con una persona sobre mi pedido');
    expect(calls().map(([m, p]) => `${m} ${p}`)).toEqual([
      'POST /toggle_typing_status',
      'GET ',
      'POST /messages',
      'POST /messages',
      'GET /labels',
      'POST /labels',
      'POST /toggle_status',
      'POST /toggle_typing_status',
    ]);
  });

  it("makes a photo part of the turn with the tenant's vision model", async () => {
    standIn = await startModelEndpointStandIn({
      chat: () => 'Pared con humedad y pintura descascarada cerca del zócalo.',
    });
    await start({
      extra: `    models: {local: {apiKey: sk-tenant-vision-123, baseUrl: "${standIn.url}"}}
    model: {provider: local, name: llava-13b, vision: true}
`,
    });
    expect(
      (await deliver('whatsapp_image', ++nextId, { bytes: JPEG, contentType: 'image/jpeg' })).json,
    ).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff() === 1);

    // The photo is looked at, then the tenant's selector (on the tenant's model) routes the description.
    expect(standIn.calls).toHaveLength(2);
    expect(standIn.calls[0]).toMatchObject({
      path: '/v1/chat/completions',
      apiKey: 'sk-tenant-vision-123',
      model: 'llava-13b',
      hasImage: true,
    });
    expect(standIn.calls[1]).toMatchObject({
      apiKey: 'sk-tenant-vision-123',
      model: 'llava-13b',
      hasImage: false,
    });
    expect(standIn.calls[1]!.messages?.at(-1)).toEqual({
      role: 'user',
      content: 'Pared con humedad y pintura descascarada cerca del zócalo.',
    });
    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      ['POST', '/messages', message('Recibido: Pared con humedad y pintura descascarada cerca del zócalo.')],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
  });

  it('matches a described photo to the support procedure: a photo-only vision model, the agents on the offline engine', async () => {
    standIn = await startModelEndpointStandIn({
      chat: () => 'Techo del baño con manchas negras de hongos y moho en la esquina.',
    });
    await start({
      echo: false,
      extra: `    models: {eyes: {apiKey: sk-tenant-eyes-123, baseUrl: "${standIn.url}"}}
    model: {images: {provider: eyes, name: gpt-4o-mini}}
`,
    });
    expect(
      (await deliver('whatsapp_image', ++nextId, { bytes: JPEG, contentType: 'image/jpeg' })).json,
    ).toMatchObject({
      status: 'queued',
    });
    await eventually(() => typingOff() === 1, 20_000);

    // One call, the description: the specialists have no hosted model and answer on the offline engine.
    expect(standIn.calls.map((c) => [c.model, c.hasImage])).toEqual([['gpt-4o-mini', true]]);
    const replies = calls().filter(
      ([m, p, b]) => m === 'POST' && p === '/messages' && !(b as { private: boolean }).private,
    );
    expect(replies).toHaveLength(1);
    // The answer is the demo tenant's procedure for mould (collections/support_procedures/hongos-moho.md).
    expect((replies[0]![2] as { content: string }).content).toMatch(/cloro/i);
  }, 60_000);

  it('asks what a photo shows when no vision model is configured (crew default)', async () => {
    await start();
    expect(
      (await deliver('whatsapp_image', ++nextId, { bytes: JPEG, contentType: 'image/jpeg' })).json,
    ).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff() === 1);
    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      ['POST', '/messages', message(IMAGE_ASK_TO_DESCRIBE.es)],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
    expect(downloads()).toEqual([]);
  });
});
