import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { loadSettings } from '@mcp-crew/config';
import { createRuntime } from '../src/runtime/create-runtime.js';
import { announceWhenReady } from '../src/health/announce-ready.js';
import { startApp, writeTenantsFile } from './support.js';

describe('/health', () => {
  it("lists each dependency with its state, and the tenants' systems in a separate view", async () => {
    // A Chatwoot stand-in that answers the bot-token probe the way Chatwoot does.
    const chatwoot: Server = createServer((_req, res) => {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"error":"You are not authorized for bots"}');
    });
    await new Promise<void>((r) => chatwoot.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(chatwoot.address() as AddressInfo).port}`;
    const app = await startApp({ tenantsFile: writeTenantsFile(url) });
    try {
      const ready = await fetch(`${app.url}/health/ready`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { status: string; details: Record<string, unknown> };
      expect(body.status).toBe('ok');
      expect(body.details).toMatchObject({
        queue: { status: 'up', kind: 'in-process' },
        vectors: { status: 'up', kind: 'embedded' },
      });
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      expect(await (await fetch(`${app.url}/health/live`)).json()).toEqual({ status: 'ok' });

      const tenants = (await (await fetch(`${app.url}/health/tenants`)).json()) as {
        details: Record<string, unknown>;
      };
      expect(tenants.details['demo.chatwoot']).toMatchObject({
        status: 'up',
        kind: 'chatwoot',
        reason: expect.stringContaining('agent-bot token'),
      });
      expect(tenants.details['demo.odoo']).toMatchObject({ status: 'up', kind: 'not configured' });
    } finally {
      await app.close();
      chatwoot.close();
    }
  }, 20_000);

  it('logs "MCP-Crew is ready" only when ready; with Redis down it says what is down', async () => {
    const lines: Array<{ msg: string; dependencies?: Record<string, { status: string }> }> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const env = {
      TENANTS_FILE: writeTenantsFile('http://127.0.0.1:9'),
      REDIS_URL: 'redis://127.0.0.1:1',
      QUEUE_PREFIX: `health-${process.pid}-${Date.now()}`,
      LOG_LEVEL: 'silent',
    };
    const runtime = await createRuntime({
      settings: loadSettings(env),
      logger: pino({ level: 'silent' }),
      env,
      specialists: { get: () => undefined } as never,
    });
    const stop = announceWhenReady(runtime.health, logger, {}, 50);
    try {
      const deadline = Date.now() + 5000;
      while (!lines.some((l) => l.msg.startsWith('MCP-Crew is not ready')) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      const warning = lines.find((l) => l.msg.startsWith('MCP-Crew is not ready'));
      expect(warning?.msg).toMatch(/redis: /);
      expect(warning?.dependencies?.['redis']?.status).toBe('down');
      expect(lines.some((l) => l.msg === 'MCP-Crew is ready')).toBe(false);
    } finally {
      stop();
      await runtime.close();
    }
  }, 20_000);
});
