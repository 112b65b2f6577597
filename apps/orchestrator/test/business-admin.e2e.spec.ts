import { randomBytes } from 'node:crypto';
import type { Specialist, SpecialistRegistry } from '@mcp-crew/core';
import { HANDOFF_MESSAGE, VOICE_ASK_TO_WRITE } from '@mcp-crew/pipeline';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile, sendText } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE = '/api/v1/accounts/3/conversations/1532';
const OPERATOR = 'operator-key-e2e-hours';
const BOT_TOKEN = 'bot-token-e2e-123';
// The app's clock: Monday 9:00 in Bogotá. The demo shop's seeded hours (collections/business_data/demo.yaml)
// say open; each test changes them through the admin API and never depends on the real time of day.
const MONDAY_9AM = Date.parse('2026-11-30T09:00:00-05:00');

/** A field deep in a JSON answer (undefined when a step is missing). */
const get = (value: unknown, ...path: Array<string | number>): unknown =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);

/** Answers every message (a hand-over is then the escalation's, not a silent specialist's). */
const answering: Specialist = { handle: async () => ({ replies: ['Sí, tenemos esmalte blanco.'] }) };

/**
 * Business hours, business data and crew settings through the admin API on the embedded tenant store; the
 * next turn (signed webhook → Redis queue → crew → recording Chatwoot) follows the change without a restart.
 */
describe('admin API: business hours, business data, crew settings → the next turn', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  let nextId = 99_000;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: BOT_TOKEN });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url),
      redisUrl: REDIS_URL,
      specialists: { get: () => answering } satisfies SpecialistRegistry,
      now: () => MONDAY_9AM,
      env: {
        TENANT_STORE: 'embedded',
        CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPERATOR_API_KEY: OPERATOR,
        VOICE_TRANSCRIPT_WAIT_MS: '300',
      },
    });
  });
  afterEach(async () => {
    await app.close();
    await chatwoot.close();
  });

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${app.url}/admin/tenants${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR}` },
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as unknown }));
  const say = (content: string) => sendText(app.url, ++nextId, content);
  const voiceNote = () =>
    post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_voice_note', (body) => {
        body['id'] = ++nextId;
        for (const a of body['attachments'] as Array<Record<string, unknown>>) a['message_id'] = nextId;
      }),
    );
  /** The Chatwoot calls of the conversation from the `from`-th on. */
  const calls = (from = 0) =>
    chatwoot.requests
      .filter((r) => r.path.startsWith(BASE))
      .slice(from)
      .map((r) => [r.method, r.path.slice(BASE.length), r.body] as const);
  const typingOff = (from = 0) =>
    calls(from).filter(([, p, b]) => p === '/toggle_typing_status' && b?.['typing_status' as never] === 'off')
      .length;
  const customerMessages = (from: number) =>
    calls(from)
      .filter(([m, p, b]) => m === 'POST' && p === '/messages' && !(b as { private: boolean }).private)
      .map(([, , b]) => (b as { content: string }).content);
  const labels = (from: number) => calls(from).find(([m, p]) => m === 'POST' && p === '/labels')?.[2];
  /** The bot owns the conversation again, without labels (as if a person resolved it and it reopened). */
  const reopen = () => {
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending', labels: [] });
    return calls().length;
  };
  const weekdays = (intervals: Array<{ opens: string; closes: string }>) =>
    Object.fromEntries(['tue', 'wed', 'thu', 'fri'].map((d) => [d, intervals]));

  it('closes the shop this morning: the hand-over says when a person answers and labels it; reopened, the normal hand-over', async () => {
    const seeded = await admin('GET', '/demo/business-hours');
    expect(seeded.status).toBe(200);
    expect(seeded.json).toMatchObject({
      tenant: 'demo',
      timezone: 'America/Bogota',
      weekly: { mon: [{ opens: '07:30', closes: '18:00' }], sun: [] },
      holidays: expect.arrayContaining([{ date: '2026-12-25', name: 'Navidad' }]),
    });

    // Monday opens at 14:00 only: 9:00 is out of hours.
    const afternoon = {
      timezone: 'America/Bogota',
      weekly: {
        mon: [{ opens: '14:00', closes: '18:00' }],
        ...weekdays([{ opens: '07:30', closes: '18:00' }]),
      },
      holidays: [{ date: '2026-12-25', name: 'Navidad' }],
    };
    const closed = await admin('PUT', '/demo/business-hours', afternoon);
    expect(closed.status).toBe(200);
    expect(get(closed.json, 'weekly')).toMatchObject({ mon: [{ opens: '14:00', closes: '18:00' }], sat: [] });
    // The notes of the seeded data stay: the body did not name them.
    expect(get(closed.json, 'notes')).toEqual(get(seeded.json, 'notes'));
    // The same data the crew's business tools read (the tenant's opening_hours dataset).
    const stored = await app.runtime.businessData.getKnown('demo' as never, 'opening_hours');
    expect(stored?.records.filter((r) => r.day === 'mon')).toEqual([
      { day: 'mon', opens: '14:00', closes: '18:00' },
    ]);

    expect((await say('quiero hablar con una persona')).status).toBe(200);
    await eventually(() => typingOff() === 1);
    expect(customerMessages(0)).toEqual([
      'Te comunico con una persona de nuestro equipo. Ahora estamos fuera del horario de atención: una persona de nuestro equipo te responderá hoy a las 2:00 p. m. (hora estándar de Colombia).',
    ]);
    expect(labels(0)).toEqual({ labels: ['bot-handoff', 'whatsapp', 'out-of-hours'] });
    expect(calls().at(-2)).toEqual(['POST', '/toggle_status', { status: 'open' }]);

    // A lunch break from 12:00; 9:00 is in hours again.
    const split = await admin('PUT', '/demo/business-hours', {
      ...afternoon,
      weekly: {
        ...afternoon.weekly,
        mon: [
          { opens: '14:00', closes: '18:00' },
          { opens: '08:00', closes: '12:00' },
        ],
      },
    });
    expect(get(split.json, 'weekly', 'mon')).toEqual([
      { opens: '08:00', closes: '12:00' },
      { opens: '14:00', closes: '18:00' },
    ]);
    const from = reopen();
    expect((await say('quiero hablar con una persona')).status).toBe(200);
    await eventually(() => typingOff(from) === 1);
    expect(customerMessages(from)).toEqual([HANDOFF_MESSAGE.es]);
    expect(labels(from)).toEqual({ labels: ['bot-handoff', 'whatsapp'] });
  });

  it('refuses invalid hours with each field path and what was expected, and an unknown tenant with 404', async () => {
    const invalid = await admin('PUT', '/demo/business-hours', {
      timezone: 'America/Medellin',
      weekly: {
        mon: [
          { opens: '07:30', closes: '12:00' },
          { opens: '11:30', closes: '18:00' },
        ],
        tue: [{ opens: '18:00', closes: '08:00' }],
      },
      holidays: [{ date: '2026-02-30x' }],
    });
    expect(invalid.status).toBe(400);
    expect(get(invalid.json, 'error', 'code')).toBe('REQUEST_INVALID');
    expect(get(invalid.json, 'error', 'details', 'problems')).toEqual([
      { path: 'timezone', message: 'expected an IANA time zone such as America/Bogota' },
      {
        path: 'weekly.mon.1',
        message: 'expected intervals that do not overlap: 11:30–18:00 overlaps 07:30–12:00',
      },
      { path: 'weekly.tue.0.closes', message: 'expected a time after opens' },
      { path: 'holidays.0.date', message: 'expected YYYY-MM-DD' },
    ]);
    // Nothing was stored.
    expect(get((await admin('GET', '/demo/business-hours')).json, 'timezone')).toBe('America/Bogota');

    const badData = await admin('PUT', '/demo/business-data', {
      datasets: { delivery_zones: { description: 'Zonas', meta: { currency: 'pesos' }, records: [] } },
    });
    expect(badData.status).toBe(400);
    expect(get(badData.json, 'error', 'details', 'problems')).toEqual([
      { path: 'datasets.delivery_zones.meta.currency', message: 'expected an ISO 4217 code such as COP' },
    ]);

    const unknownCrew = await admin('PATCH', '/demo/crews/telegram/settings', {});
    expect(unknownCrew.status).toBe(400);
    expect(get(unknownCrew.json, 'error', 'details', 'problems', 0, 'path')).toBe('crew');

    expect(get((await admin('GET', '/nobody')).json, 'error', 'code')).toBe('TENANT_NOT_FOUND');
    for (const [method, path, body] of [
      ['GET', '/nobody/business-hours'],
      ['PUT', '/nobody/business-hours', { timezone: 'America/Bogota', weekly: {} }],
      ['GET', '/nobody/business-data'],
      ['PUT', '/nobody/business-data', { datasets: {} }],
      ['GET', '/nobody/crews/whatsapp/settings'],
      ['PATCH', '/nobody/crews/whatsapp/settings', { media: { voiceFallback: 'handoff' } }],
    ] as const) {
      const answer = await admin(method, path, body);
      expect({ method, path, status: answer.status, code: get(answer.json, 'error', 'code') }).toEqual({
        method,
        path,
        status: 404,
        code: 'TENANT_NOT_FOUND',
      });
    }
  });

  it('edits the other business data in the business data file shape (null removes a dataset)', async () => {
    const before = await admin('GET', '/demo/business-data');
    expect(Object.keys(get(before.json, 'datasets') as object)).toEqual(
      expect.arrayContaining(['opening_hours', 'delivery_zones', 'payment_methods']),
    );
    const faq = {
      description: 'Preguntas frecuentes',
      records: [{ id: 'parqueadero', question: '¿Tienen parqueadero?', answer: 'Sí, dos cupos.' }],
    };
    const changed = await admin('PUT', '/demo/business-data', {
      datasets: { faq, delivery_zones: null },
    });
    expect(changed.status).toBe(200);
    expect(get(changed.json, 'datasets', 'faq')).toMatchObject({
      description: 'Preguntas frecuentes',
      meta: {},
      records: [{ ...faq.records[0], tags: [] }],
    });
    expect(get(changed.json, 'datasets', 'delivery_zones')).toBeUndefined();
    expect(get(changed.json, 'datasets', 'opening_hours')).toEqual(
      get(before.json, 'datasets', 'opening_hours'),
    );
  });

  it('switches the voice-note fallback from "ask to write" to a hand-over on the next turn', async () => {
    const read = await admin('GET', '/demo/crews/whatsapp/settings');
    expect(read.status).toBe(200);
    expect(get(read.json, 'effective', 'media')).toEqual({
      voiceFallback: 'ask_to_write',
      imageFallback: 'ask_to_describe',
    });
    expect(JSON.stringify(read.json)).not.toContain(BOT_TOKEN);

    expect((await voiceNote()).json).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff() === 1);
    expect(customerMessages(0)).toEqual([VOICE_ASK_TO_WRITE.es]);

    const wrong = await admin('PATCH', '/demo/crews/whatsapp/settings', {
      media: { voiceFallback: 'call_back' },
    });
    expect(wrong.status).toBe(400);
    expect(
      (get(wrong.json, 'error', 'details', 'problems') as Array<{ path: string }>).map((p) => p.path),
    ).toEqual(['media.voiceFallback']);
    const patched = await admin('PATCH', '/demo/crews/whatsapp/settings', {
      media: { voiceFallback: 'handoff' },
      handoff: { teamId: 4, assign: false },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      crew: 'whatsapp',
      crewFile: { media: { voiceFallback: 'ask_to_write' } },
      overrides: { media: { voiceFallback: 'handoff' }, handoff: { teamId: 4, assign: false } },
      effective: {
        media: { voiceFallback: 'handoff', imageFallback: 'ask_to_describe' },
        handoff: { teamId: 4, assign: false, salesLead: true },
      },
    });
    // The tenant shows it too (tenant settings, like a tenants-file crewSettings entry).
    expect(get((await admin('GET', '/demo')).json, 'crewSettings', 'whatsapp', 'media')).toEqual({
      voiceFallback: 'handoff',
    });

    let from = calls().length;
    expect((await voiceNote()).json).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff(from) === 1);
    expect(customerMessages(from)).toEqual([HANDOFF_MESSAGE.es]);
    const note = calls(from).find(([, p, b]) => p === '/messages' && (b as { private: boolean }).private);
    expect((note?.[2] as { content: string }).content).toContain('voice note that could not be transcribed');
    expect(calls(from).at(-2)).toEqual(['POST', '/toggle_status', { status: 'open' }]);

    // null goes back to the crew file's value.
    const reset = await admin('PATCH', '/demo/crews/whatsapp/settings', { media: { voiceFallback: null } });
    expect(get(reset.json, 'effective', 'media', 'voiceFallback')).toBe('ask_to_write');
    from = reopen();
    expect((await voiceNote()).json).toMatchObject({ status: 'queued' });
    await eventually(() => typingOff(from) === 1);
    expect(customerMessages(from)).toEqual([VOICE_ASK_TO_WRITE.es]);
  });
});

describe('admin API with the read-only tenants file', () => {
  it('reads business hours and crew settings but refuses changes with 409', async () => {
    const chatwoot = await startFakeChatwoot();
    const app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url),
      env: { OPERATOR_API_KEY: OPERATOR },
    });
    try {
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${app.url}/admin/tenants/demo${path}`, {
          method,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR}` },
        }).then(async (r) => ({ status: r.status, json: (await r.json()) as unknown }));
      expect((await call('GET', '/business-hours')).status).toBe(200);
      expect((await call('GET', '/crews/whatsapp/settings')).status).toBe(200);
      const hours = await call('PUT', '/business-hours', { timezone: 'America/Bogota', weekly: {} });
      expect([hours.status, get(hours.json, 'error', 'code')]).toEqual([409, 'TENANT_STORE_READ_ONLY']);
      const crew = await call('PATCH', '/crews/whatsapp/settings', { hours: { mode: 'night_shift' } });
      expect([crew.status, get(crew.json, 'error', 'code')]).toEqual([409, 'TENANT_STORE_READ_ONLY']);
    } finally {
      await app.close();
      await chatwoot.close();
    }
  });
});

/** The default specialists (offline engine) answer an hours question from the hours the admin API just set. */
describe('admin API: business hours → the crew answers "¿a qué hora abren mañana?" with them', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    chatwoot = await startFakeChatwoot({ botToken: BOT_TOKEN });
    chatwoot.setConversation({ id: 1532, accountId: 3, status: 'pending' });
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url),
      redisUrl: REDIS_URL,
      now: () => MONDAY_9AM,
      env: {
        TENANT_STORE: 'embedded',
        CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPERATOR_API_KEY: OPERATOR,
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await chatwoot.close();
  });

  it('quotes the new Tuesday hours, not the knowledge text', async () => {
    const put = await fetch(`${app.url}/admin/tenants/demo/business-hours`, {
      method: 'PUT',
      body: JSON.stringify({
        timezone: 'America/Bogota',
        weekly: { mon: [{ opens: '07:30', closes: '18:00' }], tue: [{ opens: '10:00', closes: '16:00' }] },
        holidays: [],
      }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR}` },
    });
    expect(put.status).toBe(200);

    expect((await sendText(app.url, 98_001, '¿a qué hora abren mañana?')).status).toBe(200);
    const replies = () =>
      chatwoot.requests
        .filter((r) => r.path === `${BASE}/messages` && r.method === 'POST')
        .map((r) => (r.body as { content: string; private: boolean }).content);
    await eventually(() => replies().length > 0);
    expect(replies()[0]).toMatch(
      /^Mañana atendemos de 10:00 a 16:00\.\nNuestro horario: lunes 07:30–18:00, martes 10:00–16:00, miércoles a domingo cerrado\./,
    );
  });
});
