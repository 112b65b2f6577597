import type { Specialist, SpecialistRegistry } from '@mcp-crew/core';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE = '/api/v1/accounts/3/conversations/1532';
// The demo shop's hours come from its business data (collections/business_data/demo.yaml): Monday to Friday
// 7:30–18:00 and Saturday 8:00–14:00 in Bogotá, closed on 2026-12-08.
const MONDAY_NIGHT = Date.parse('2026-11-30T23:10:00-05:00');
const MONDAY_MORNING = Date.parse('2026-11-30T09:00:00-05:00');

/** Answers every message (so an answered turn and a silent one are told apart). */
const answering: Specialist = { handle: async () => ({ replies: ['Sí, tenemos esmalte blanco.'] }) };

/** Business hours through the whole path: signed webhook → Redis queue → crew → recording Chatwoot. */
describe('business hours: webhook → Redis queue → crew → recording Chatwoot', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let nextId = 95_000;
  const specialists: SpecialistRegistry = { get: () => answering };

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: 'bot-token-e2e-123' });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
  });
  afterEach(async () => {
    await app?.close();
    await chatwoot.close();
  });

  const start = async (now: number, extra = '') => {
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url, extra),
      redisUrl: REDIS_URL,
      specialists,
      now: () => now,
    });
    return app;
  };
  const say = (content: string) =>
    post(
      `${app!.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_incoming_text', (body) => {
        body['id'] = ++nextId;
        body['content'] = content;
      }),
    );
  const calls = () =>
    chatwoot.requests
      .filter((r) => r.path.startsWith(BASE))
      .map((r) => [r.method, r.path.slice(BASE.length), r.body] as const);
  const message = (content: string, isPrivate = false) => ({
    content,
    message_type: 'outgoing',
    private: isPrivate,
    content_type: 'text',
    content_attributes: {},
  });

  it('at 11 pm a hand-over says when a person answers (tomorrow 7:30, Bogotá time) and labels it for the morning queue', async () => {
    await start(MONDAY_NIGHT);
    expect((await say('quiero hablar con una persona')).status).toBe(200);
    await eventually(() => calls().some(([, p]) => p === '/toggle_status'));
    await eventually(() => calls().at(-1)?.[1] === '/toggle_typing_status' && calls().length >= 7);

    const note = calls().find(
      ([, p, b]) => p === '/messages' && (b as { private: boolean }).private,
    )?.[2] as {
      content: string;
    };
    expect(note.content).toContain(
      'Outside business hours (mon 2026-11-30 23:10 America/Bogota); next opening: tue 2026-12-01 07:30.',
    );
    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      [
        'POST',
        '/messages',
        message(
          'Te comunico con una persona de nuestro equipo. Ahora estamos fuera del horario de atención: una persona de nuestro equipo te responderá mañana, martes, 1 de diciembre, a las 7:30 a. m. (hora estándar de Colombia).',
        ),
      ],
      ['POST', '/messages', message(note.content, true)],
      // Labels are added to those the conversation has: read, then written.
      ['GET', '/labels', undefined],
      ['POST', '/labels', { labels: ['bot-handoff', 'whatsapp', 'out-of-hours'] }],
      ['POST', '/toggle_status', { status: 'open' }],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
  });

  it('out of hours the bot still answers what it can', async () => {
    await start(MONDAY_NIGHT);
    expect((await say('¿tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => calls().length >= 4);
    expect(calls()).toEqual([
      ['POST', '/toggle_typing_status', { typing_status: 'on' }],
      ['GET', '', undefined],
      ['POST', '/messages', message('Sí, tenemos esmalte blanco.')],
      ['POST', '/toggle_typing_status', { typing_status: 'off' }],
    ]);
  });

  it('a night-shift crew (tenants file crewSettings) leaves the conversation to people in business hours', async () => {
    await start(MONDAY_MORNING, '    crewSettings: {whatsapp: {hours: {mode: night_shift}}}\n');
    expect((await say('¿tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => calls().some(([, p]) => p === '/toggle_status'));
    const [read, note, status] = calls();
    expect(calls()).toHaveLength(3);
    expect(read).toEqual(['GET', '', undefined]);
    expect(note?.[1]).toBe('/messages');
    expect((note?.[2] as { private: boolean; content: string }).private).toBe(true);
    expect((note?.[2] as { content: string }).content).toContain(
      'The whatsapp crew works the night shift: in business hours people answer, so MCP-Crew did not reply.',
    );
    expect(status).toEqual(['POST', '/toggle_status', { status: 'open' }]);
  });
});
