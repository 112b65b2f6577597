import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCrewError, Secret } from '@mcp-crew/core';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { HttpChatwootGateway, type HttpChatwootGatewayOptions } from './http-chatwoot-gateway.js';

const TOKEN = 'bot-token-s3cr3t-value';
const ref = { accountId: 7, conversationId: 1532 };
const base = '/api/v1/accounts/7/conversations/1532';

describe('HttpChatwootGateway against a recording Chatwoot', () => {
  let chatwoot: FakeChatwoot;
  const sleeps: number[] = [];
  const gateway = (extra: Partial<HttpChatwootGatewayOptions> = {}) =>
    new HttpChatwootGateway({
      baseUrl: `${chatwoot.url}/`,
      botToken: new Secret(TOKEN),
      retry: { attempts: 3, baseDelayMs: 100 },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...extra,
    });

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: TOKEN });
    chatwoot.setConversation({
      id: 1532,
      accountId: 7,
      labels: ['whatsapp'],
      customAttributes: { city: 'Bogotá' },
      inboxId: 3,
    });
    sleeps.length = 0;
  });
  afterEach(() => chatwoot.close());

  it('sends a reply as an outgoing public text message with the bot token header', async () => {
    const sent = await gateway().sendMessage(ref, { content: 'Hola, ¿en qué te ayudo?' });
    expect(sent.id).toBeGreaterThan(0);
    expect(chatwoot.requests).toHaveLength(1);
    const [request] = chatwoot.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`${base}/messages`);
    expect(request?.headers.api_access_token).toBe(TOKEN);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      content: 'Hola, ¿en qué te ayudo?',
      message_type: 'outgoing',
      private: false,
      content_type: 'text',
      content_attributes: {},
    });
  });

  it('toggles the typing indicator with typing_status on and off', async () => {
    await gateway().toggleTyping(ref, 'on');
    await gateway().toggleTyping(ref, 'off');
    expect(chatwoot.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['POST', `${base}/toggle_typing_status`, { typing_status: 'on' }],
      ['POST', `${base}/toggle_typing_status`, { typing_status: 'off' }],
    ]);
    expect(chatwoot.requests[0]?.headers.api_access_token).toBe(TOKEN);
    expect(chatwoot.conversation(1532, 7)?.typing).toBe('off');
  });

  it('tries the typing indicator once: a failing Chatwoot is not retried', async () => {
    chatwoot.respondNext({ status: 503, pathEndsWith: '/toggle_typing_status' });
    await expect(gateway().toggleTyping(ref, 'on')).rejects.toMatchObject({ code: expect.any(String) });
    expect(chatwoot.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('passes content attributes through', async () => {
    await gateway().sendMessage(ref, { content: 'x', contentAttributes: { in_reply_to: 55 } });
    expect(chatwoot.requests[0]?.body).toMatchObject({ content_attributes: { in_reply_to: 55 } });
  });

  it('adds a private note as a private outgoing message', async () => {
    await gateway().addPrivateNote(ref, 'El cliente pidió un asesor');
    expect(chatwoot.requests[0]?.body).toEqual({
      content: 'El cliente pidió un asesor',
      message_type: 'outgoing',
      private: true,
      content_type: 'text',
      content_attributes: {},
    });
  });

  it('adds labels by posting the union of the current and the new ones', async () => {
    const labels = await gateway().addLabels(ref, ['handoff', 'whatsapp']);
    expect(labels).toEqual(['whatsapp', 'handoff']);
    expect(chatwoot.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${base}/labels`,
      `POST ${base}/labels`,
    ]);
    expect(chatwoot.requests[1]?.body).toEqual({ labels: ['whatsapp', 'handoff'] });
  });

  it('merges custom attributes into the ones the conversation has', async () => {
    await gateway().setCustomAttributes(ref, { order: 'S00042' });
    expect(chatwoot.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${base}`,
      `POST ${base}/custom_attributes`,
    ]);
    expect(chatwoot.requests[1]?.body).toEqual({ custom_attributes: { city: 'Bogotá', order: 'S00042' } });
    expect(chatwoot.conversation(1532, 7)?.customAttributes).toEqual({ city: 'Bogotá', order: 'S00042' });
  });

  it('toggles the status', async () => {
    await gateway().toggleStatus(ref, 'open');
    expect(chatwoot.requests[0]).toMatchObject({
      method: 'POST',
      path: `${base}/toggle_status`,
      body: { status: 'open' },
    });
    expect(chatwoot.conversation(1532, 7)?.status).toBe('open');
  });

  it('reads a conversation as a snapshot', async () => {
    await expect(gateway().getConversation(ref)).resolves.toEqual({
      id: 1532,
      status: 'pending',
      labels: ['whatsapp'],
      customAttributes: { city: 'Bogotá' },
      inboxId: 3,
      channel: 'Channel::Whatsapp',
    });
    expect(chatwoot.requests[0]).toMatchObject({ method: 'GET', path: base, body: undefined });
  });

  it('retries a 500 and then succeeds, backing off exponentially', async () => {
    chatwoot.respondNext({ status: 500, body: { error: 'boom' } });
    chatwoot.respondNext({ status: 503, body: '<html>' });
    const sent = await gateway().sendMessage(ref, { content: 'hola' });
    expect(sent.id).toBeGreaterThan(0);
    expect(chatwoot.requests).toHaveLength(3);
    // random() = 0.5 → three quarters of the bound: 100 → 75, 200 → 150.
    expect(sleeps).toEqual([75, 150]);
  });

  it('honours Retry-After on 429', async () => {
    chatwoot.respondNext({
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'retry-after': '2' },
    });
    await gateway({ retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 5000 } }).toggleStatus(ref, 'open');
    expect(sleeps).toEqual([2000]);
    expect(chatwoot.requests).toHaveLength(2);
  });

  it('gives up on a 429 whose Retry-After is longer than it may wait', async () => {
    chatwoot.respondNext({ status: 429, headers: { 'retry-after': '120' } });
    const error = await gateway()
      .toggleStatus(ref, 'open')
      .catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_RATE_LIMITED')).toBe(true);
    expect(chatwoot.requests).toHaveLength(1);
  });

  it('stops after the last attempt with CHATWOOT_UNAVAILABLE', async () => {
    for (let i = 0; i < 3; i++) chatwoot.respondNext({ status: 502, body: { error: 'bad gateway' } });
    const error = await gateway()
      .sendMessage(ref, { content: 'hola' })
      .catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_UNAVAILABLE')).toBe(true);
    expect(isCrewError(error) && error.retryable).toBe(true);
    expect(isCrewError(error) && error.details).toMatchObject({
      status: 502,
      attempts: 3,
      chatwootError: 'bad gateway',
    });
    expect(chatwoot.requests).toHaveLength(3);
  });

  it('does not retry a 404 and carries Chatwoot’s error text', async () => {
    const error = await gateway()
      .getConversation({ accountId: 7, conversationId: 999 })
      .catch((e: unknown) => e);
    // The fake auto-creates, so script the 404 explicitly.
    expect(isCrewError(error)).toBe(false);
    chatwoot.respondNext({ status: 404, body: { error: 'Resource could not be found' } });
    const missing = await gateway()
      .getConversation(ref)
      .catch((e: unknown) => e);
    expect(isCrewError(missing, 'CHATWOOT_NOT_FOUND')).toBe(true);
    expect(isCrewError(missing) && missing).toMatchObject({
      domain: 'chatwoot',
      category: 'third_party',
      retryable: false,
      details: { status: 404, chatwootError: 'Resource could not be found' },
    });
    expect(chatwoot.requests).toHaveLength(2);
  });

  it('does not retry a 401, and the token appears in no error field', async () => {
    const wrong = new HttpChatwootGateway({
      baseUrl: chatwoot.url,
      botToken: new Secret('wrong-token-value'),
      sleep: async () => undefined,
    });
    const error = await wrong.sendMessage(ref, { content: 'hola' }).catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_UNAUTHORIZED')).toBe(true);
    expect(chatwoot.requests).toHaveLength(1);
    const everything = JSON.stringify([
      String(error),
      (error as Error).stack,
      (error as { toJSON(): unknown }).toJSON(),
    ]);
    expect(everything).not.toContain('wrong-token-value');
  });

  it('scrubs the token even when the server echoes it back', async () => {
    chatwoot.respondNext({ status: 422, body: { error: `bad header api_access_token=${TOKEN}` } });
    const error = await gateway()
      .sendMessage(ref, { content: 'hola' })
      .catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_BAD_REQUEST')).toBe(true);
    expect(JSON.stringify((error as { toJSON(): unknown }).toJSON())).not.toContain(TOKEN);
    expect((error as Error).message).not.toContain(TOKEN);
    expect((error as Error).message).toContain('[redacted]');
  });

  it('refuses a reference that is not a positive integer before any request', async () => {
    const error = await gateway()
      .getConversation({ accountId: 7, conversationId: Number.NaN })
      .catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_BAD_REQUEST')).toBe(true);
    expect(chatwoot.requests).toHaveLength(0);
  });

  it('times out a request that gets no answer and retries it', async () => {
    chatwoot.respondNext({ hang: true, status: 0 });
    const sent = await gateway({ timeoutMs: 200 }).sendMessage(ref, { content: 'hola' });
    expect(sent.id).toBeGreaterThan(0);
    expect(chatwoot.requests).toHaveLength(2);
  });
});

describe('HttpChatwootGateway transport failures', () => {
  let server: Server;
  let url: string;
  beforeEach(async () => {
    // A port that accepts nothing: listen, note the port, close.
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('maps a refused connection to a retryable CHATWOOT_UNAVAILABLE after the attempts', async () => {
    let sleeps = 0;
    const gateway = new HttpChatwootGateway({
      baseUrl: url,
      botToken: new Secret(TOKEN),
      retry: { attempts: 2, baseDelayMs: 1 },
      sleep: async () => void sleeps++,
    });
    const error = await gateway.toggleStatus(ref, 'open').catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_UNAVAILABLE')).toBe(true);
    expect(isCrewError(error) && error.details).toMatchObject({ reason: 'ECONNREFUSED', attempts: 2 });
    expect(sleeps).toBe(1);
    expect(JSON.stringify([String(error), (error as Error).stack])).not.toContain(TOKEN);
  });

  it('fails a timed-out request with a timeout reason', async () => {
    const hung = createServer(() => undefined);
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const gateway = new HttpChatwootGateway({
        baseUrl: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`,
        botToken: new Secret(TOKEN),
        retry: { attempts: 1, baseDelayMs: 1 },
        timeoutMs: 100,
      });
      const error = await gateway.getConversation(ref).catch((e: unknown) => e);
      expect(isCrewError(error, 'CHATWOOT_UNAVAILABLE')).toBe(true);
      expect((error as Error).message).toContain('timeout after 100 ms');
    } finally {
      hung.closeAllConnections();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });
});
