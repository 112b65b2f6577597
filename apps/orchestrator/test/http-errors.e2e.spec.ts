import { connect } from 'node:net';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { post, signedFixture, startApp, writeTenantsFile } from './support.js';

/** Sends raw bytes (requests `fetch` refuses to build) and returns the raw answer. */
function rawRequest(url: string, request: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
  });
}

function statusAndBody(raw: string): { status: number; body: { error: Record<string, unknown> } } {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) as { error: Record<string, unknown> } };
}

describe('HTTP errors: one shape, stable codes, nothing echoed', () => {
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  const SECRET_PATH = 'tenant-probe-0123456789';

  beforeAll(async () => {
    chatwoot = await startFakeChatwoot();
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url) });
  });
  afterAll(async () => {
    await app.close();
    await chatwoot.close();
  });

  const send = async (path: string, init: RequestInit) => {
    const response = await fetch(`${app.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { error: Record<string, unknown> } };
  };
  const json = { 'content-type': 'application/json' };

  it.each([
    [
      'malformed JSON',
      '/webhooks/chatwoot/demo',
      { method: 'POST', body: '{"event":', headers: json },
      400,
      'REQUEST_INVALID_JSON',
    ],
    [
      'an unsupported media type',
      '/webhooks/chatwoot/demo',
      { method: 'POST', body: '<xml/>', headers: { 'content-type': 'text/xml' } },
      415,
      'REQUEST_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the limit',
      '/webhooks/chatwoot/demo',
      { method: 'POST', body: `{"a":"${'x'.repeat(1024 * 1024 + 10)}"}`, headers: json },
      413,
      'REQUEST_TOO_LARGE',
    ],
    ['an unknown route', `/nothing/${SECRET_PATH}`, { method: 'GET' }, 404, 'ROUTE_NOT_FOUND'],
    [
      'a tenant id over the path limit',
      `/webhooks/chatwoot/${SECRET_PATH.repeat(20)}`,
      { method: 'POST', body: '{}', headers: json },
      414,
      'REQUEST_URI_TOO_LONG',
    ],
  ])('%s', async (_name, path, init, status, code) => {
    const answer = await send(path, init as RequestInit);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code, message: expect.any(String) });
    expect(answer.text).not.toContain(SECRET_PATH);
  });

  it.each([
    [
      'headers over the limit',
      () => `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      431,
      'REQUEST_HEADERS_TOO_LARGE',
    ],
    [
      'a path over the header limit',
      () => `GET /${SECRET_PATH}${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      431,
      'REQUEST_HEADERS_TOO_LARGE',
    ],
    ['garbage instead of HTTP', () => 'NOT HTTP AT ALL\r\n\r\n', 400, 'REQUEST_MALFORMED'],
  ])('%s, refused by Node before Fastify', async (_name, build, status, code) => {
    const raw = await rawRequest(app.url, build());
    expect(statusAndBody(raw)).toEqual({
      status,
      body: { error: expect.objectContaining({ code, message: expect.any(String) }) },
    });
    expect(raw).not.toContain(SECRET_PATH);
  });

  it('answers an unknown tenant and a forged signature on the known tenant alike', async () => {
    const forged = signedFixture('whatsapp_incoming_text');
    forged.headers['x-chatwoot-signature'] = `sha256=${'0'.repeat(64)}`;
    const unknown = await post(
      `${app.url}/webhooks/chatwoot/${SECRET_PATH}`,
      signedFixture('whatsapp_incoming_text'),
    );
    const known = await post(`${app.url}/webhooks/chatwoot/demo`, forged);
    expect(unknown).toEqual(known);
    expect(unknown.status).toBe(401);
    expect(JSON.stringify(unknown.json)).not.toContain(SECRET_PATH);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('refuses a %s X-Chatwoot-Delivery with a 400 naming the header', async (_name, value) => {
    const request = signedFixture('whatsapp_incoming_text');
    if (value === undefined)
      delete (request.headers as Record<string, string | undefined>)['x-chatwoot-delivery'];
    else request.headers['x-chatwoot-delivery'] = value;
    const answer = await post(`${app.url}/webhooks/chatwoot/demo`, request);
    expect(answer).toEqual({
      status: 400,
      json: {
        error: expect.objectContaining({
          code: 'WEBHOOK_DELIVERY_ID_MISSING',
          path: 'headers.x-chatwoot-delivery',
        }),
      },
    });
  });

  it('never echoes the webhook secret or the bot token in an error', async () => {
    const answer = await send('/webhooks/chatwoot/demo', { method: 'POST', body: '{}', headers: json });
    expect(answer.text).not.toContain('whsec_test_secret');
    expect(answer.text).not.toContain('bot-token-e2e-123');
  });
});
