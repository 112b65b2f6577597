import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { buildAppDist } from './build-dist.js';

const BOT_TOKEN = 'bot-token-app-test';
const HTTP_TOKEN = 'http-token-app-test-0123456789';
const base = '/api/v1/accounts/5/conversations/1532';

let main: string;
beforeAll(async () => {
  main = await buildAppDist();
}, 60_000);

function env(chatwoot: FakeChatwoot): Record<string, string> {
  // Only what the app needs: nothing from the developer's environment leaks in.
  return {
    PATH: process.env.PATH ?? '',
    CHATWOOT_URL: chatwoot.url,
    CHATWOOT_BOT_TOKEN: BOT_TOKEN,
    CHATWOOT_ACCOUNT_ID: '5',
    MCP_HTTP_TOKEN: HTTP_TOKEN,
  };
}

async function exerciseTools(client: Client, chatwoot: FakeChatwoot): Promise<void> {
  const { tools } = await client.listTools();
  const annotations = Object.fromEntries(tools.map((t) => [t.name, t.annotations]));
  expect(annotations.chatwoot_get_conversation).toMatchObject({ readOnlyHint: true });
  expect(annotations.chatwoot_handoff_to_human).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  expect(tools).toHaveLength(6);

  const sent = await client.callTool({
    name: 'chatwoot_send_message',
    arguments: { conversation_id: 1532, content: 'Ya te paso con un asesor.' },
  });
  expect(sent.isError).toBeFalsy();
  const handoff = await client.callTool({
    name: 'chatwoot_handoff_to_human',
    arguments: { conversation_id: 1532, reason: 'Pide factura a nombre de empresa' },
  });
  expect(handoff.structuredContent).toMatchObject({ status: 'open', labels: ['bot-handoff'] });

  expect(chatwoot.requests.map((r) => [r.method, r.path, r.headers.api_access_token, r.body])).toEqual([
    [
      'POST',
      `${base}/messages`,
      BOT_TOKEN,
      {
        content: 'Ya te paso con un asesor.',
        message_type: 'outgoing',
        private: false,
        content_type: 'text',
        content_attributes: {},
      },
    ],
    [
      'POST',
      `${base}/messages`,
      BOT_TOKEN,
      {
        content: 'Handoff from the bot: Pide factura a nombre de empresa',
        message_type: 'outgoing',
        private: true,
        content_type: 'text',
        content_attributes: {},
      },
    ],
    ['GET', `${base}/labels`, BOT_TOKEN, undefined],
    ['POST', `${base}/labels`, BOT_TOKEN, { labels: ['bot-handoff'] }],
    ['POST', `${base}/toggle_status`, BOT_TOKEN, { status: 'open' }],
  ]);
}

describe('apps/mcp-chatwoot over stdio', () => {
  let chatwoot: FakeChatwoot;
  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: BOT_TOKEN });
  });
  afterEach(() => chatwoot.close());

  it('serves the tools to an SDK client that spawned it', async () => {
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [main, '--stdio'],
        env: env(chatwoot),
        stderr: 'pipe',
      }),
    );
    try {
      await exerciseTools(client, chatwoot);
    } finally {
      await client.close();
    }
  }, 30_000);
});

describe('apps/mcp-chatwoot over Streamable HTTP', () => {
  let chatwoot: FakeChatwoot;
  let child: ChildProcess;
  let url: string;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: BOT_TOKEN });
    child = spawn(process.execPath, [main, '--http', '0'], {
      env: env(chatwoot),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const found = /listening on (http:\/\/\S+)/.exec(stderr);
        if (found?.[1]) resolve(found[1]);
      });
      child.on('exit', (code) => reject(new Error(`mcp-chatwoot exited (${code}): ${stderr}`)));
    });
  }, 30_000);
  afterEach(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await chatwoot.close();
  });

  const connect = async (token?: string) => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(url),
        token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : undefined,
      ),
    );
    return client;
  };

  it('listens on loopback and serves the tools with the bearer token', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = await connect(HTTP_TOKEN);
    try {
      await exerciseTools(client, chatwoot);
    } finally {
      await client.close();
    }
  }, 30_000);

  it('refuses clients without the token, and Chatwoot hears nothing', async () => {
    await expect(connect()).rejects.toThrow();
    await expect(connect('wrong-token-wrong-token')).rejects.toThrow();
    const raw = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ error: 'invalid_token' });
    expect(chatwoot.requests).toHaveLength(0);
  }, 30_000);
});

describe('apps/mcp-chatwoot without a Chatwoot URL (demo)', () => {
  it('prints the actions to stderr and keeps stdout for the protocol', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [main, '--stdio'],
      env: { PATH: process.env.PATH ?? '', CHATWOOT_ACCOUNT_ID: '1', MCP_TENANT_ID: 'pinturas' },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const client = new Client({ name: 'stdio-demo', version: '1.0.0' });
    await client.connect(transport);
    try {
      const result = await client.callTool({
        name: 'chatwoot_send_message',
        arguments: { conversation_id: 9, content: '¡Hola! ¿Qué color buscas?' },
      });
      expect(result.isError).toBeFalsy();
      const read = await client.callTool({
        name: 'chatwoot_handoff_to_human',
        arguments: { conversation_id: 9, reason: 'demo' },
      });
      expect(read.structuredContent).toMatchObject({ status: 'open' });
    } finally {
      await client.close();
    }
    expect(stderr).toContain('[chatwoot:pinturas] conversation 9 <- reply: "¡Hola! ¿Qué color buscas?"');
    expect(stderr).toContain('[chatwoot:pinturas] conversation 9 status: open (handed to a human)');
  }, 30_000);
});

describe('apps/mcp-chatwoot configuration errors', () => {
  it('exits 1 naming the missing variable', async () => {
    const child = spawn(process.execPath, [main, '--http', '0'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('CHATWOOT_ACCOUNT_ID');
  }, 30_000);
});
