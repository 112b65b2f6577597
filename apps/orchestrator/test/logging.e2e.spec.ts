import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadSettings } from '@mcp-crew/config';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { startHttp, type HttpApp } from '../src/bootstrap.js';
import { currentLogContext } from '../src/observability/log-context.js';
import { createRuntime } from '../src/runtime/create-runtime.js';
import type { Runtime } from '../src/runtime/runtime.js';
import { CREWS_DIR, eventually, signedFixture, writeTenantsFile } from './support.js';

type Line = Record<string, unknown> & { msg: string };

describe('logs', () => {
  let chatwoot: FakeChatwoot;
  let runtime: Runtime;
  let http: HttpApp;
  const lines: Line[] = [];

  beforeAll(async () => {
    chatwoot = await startFakeChatwoot();
    // The app's logger with the same mixin as createLogger, written to memory.
    const logger = pino(
      { level: 'debug', mixin: () => ({ ...currentLogContext() }) },
      { write: (l: string) => void lines.push(JSON.parse(l)) },
    );
    const env = {
      TENANTS_FILE: writeTenantsFile(chatwoot.url),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mcp-crew-logs-')),
      COLLECTIONS_DIR: fileURLToPath(new URL('../../../collections', import.meta.url)),
      CREWS_DIR,
      COALESCE_WINDOW_MS: '50',
    };
    runtime = await createRuntime({ settings: loadSettings(env), logger, env });
    http = await startHttp(runtime, 0, '127.0.0.1');
    void runtime.startWorker();
  }, 60_000);
  afterAll(async () => {
    await http.close();
    await runtime.close();
    await chatwoot.close();
  });

  it("returns the caller's X-Request-Id and carries it, with a turn id, tenant and conversation, into the turn's lines", async () => {
    const request = signedFixture('whatsapp_incoming_text');
    const response = await fetch(`${http.url}/webhooks/chatwoot/demo`, {
      method: 'POST',
      body: request.body,
      headers: { ...request.headers, 'x-request-id': 'req-e2e-0001' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-e2e-0001');

    const outcome = await eventually(() => lines.find((l) => l.msg === 'webhook queued'));
    expect(outcome).toMatchObject({
      requestId: 'req-e2e-0001',
      tenant: 'demo',
      outcome: 'queued',
      status: 200,
      method: 'POST',
    });
    await eventually(
      () => chatwoot.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages')),
      30_000,
    );
    const turnLines = await eventually(() => {
      const found = lines.filter((l) => typeof l['turnId'] === 'string');
      return found.length > 0 && found;
    });
    for (const line of turnLines)
      expect(line).toMatchObject({
        turnId: expect.stringMatching(/^[0-9a-f]{16}$/),
        tenant: 'demo',
        conversation: expect.any(Number),
        requestId: 'req-e2e-0001',
      });
  }, 40_000);

  it('gives a request without an id a new one', async () => {
    const response = await fetch(`${http.url}/health/live`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one line per rejected webhook, with its status, code and reason', async () => {
    const request = signedFixture('whatsapp_incoming_text');
    const forged = {
      ...request.headers,
      'x-chatwoot-signature': 'sha256=' + '0'.repeat(64),
      'x-request-id': 'req-forged-1',
    };
    expect(
      (
        await fetch(`${http.url}/webhooks/chatwoot/demo`, {
          method: 'POST',
          body: request.body,
          headers: forged,
        })
      ).status,
    ).toBe(401);
    const unauthorized = await eventually(() =>
      lines.find((l) => l['requestId'] === 'req-forged-1' && l['status'] === 401),
    );
    expect(unauthorized).toMatchObject({
      tenant: 'demo',
      outcome: 'rejected',
      code: expect.any(String),
      reason: expect.any(String),
    });

    const bad = await fetch(`${http.url}/webhooks/chatwoot/demo`, {
      method: 'POST',
      body: '{not json',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-bad-json' },
    });
    expect(bad.status).toBe(400);
    expect(
      await eventually(() => lines.find((l) => l['requestId'] === 'req-bad-json' && l['status'] === 400)),
    ).toMatchObject({ outcome: 'rejected', code: expect.any(String) });

    expect(
      (
        await fetch(`${http.url}/webhooks/nowhere`, {
          method: 'POST',
          headers: { 'x-request-id': 'req-404' },
        })
      ).status,
    ).toBe(404);
    expect(
      await eventually(() => lines.find((l) => l['requestId'] === 'req-404' && l['status'] === 404)),
    ).toMatchObject({ code: expect.any(String) });
  });
});
