import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { ensureBuilt, REPO_ROOT, startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { CREW_MAIN, crewEnv } from './crew-process.js';

// A desktop client reads stdout as JSON-RPC, one message per line: a single stray byte breaks the session.
// Each server is spawned exactly as the README's Claude Desktop configuration does, and driven by raw lines.

interface Exchange {
  stdout: string;
  stderr: string;
  code: number | null;
}

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'purity', version: '1.0.0' },
  },
};

/** Sends the lines, waits for an answer to every request id, closes stdin and collects both streams. */
function exchange(
  command: string,
  args: string[],
  env: Record<string, string>,
  requests: object[],
): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: crewEnv(env) });
    let stdout = '';
    let stderr = '';
    const ids = new Set(requests.map((r) => (r as { id?: number }).id).filter((id) => id !== undefined));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      for (const line of stdout.split('\n')) {
        const id = (() => {
          try {
            return (JSON.parse(line) as { id?: number }).id;
          } catch {
            return undefined;
          }
        })();
        if (id !== undefined) ids.delete(id);
      }
      if (ids.size === 0) child.stdin.end();
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
    for (const r of requests) child.stdin.write(`${JSON.stringify(r)}\n`);
  });
}

/** Every stdout line is a JSON-RPC 2.0 message; returns them. */
function jsonRpcLines(stdout: string): Array<Record<string, unknown>> {
  const lines = stdout.split('\n').filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(0);
  return lines.map((line) => {
    const message = JSON.parse(line) as Record<string, unknown>;
    expect(message['jsonrpc']).toBe('2.0');
    return message;
  });
}

const call = (id: number, name: string, args: Record<string, unknown>) => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name, arguments: args },
});
const session = (...calls: object[]) => [
  initialize,
  { jsonrpc: '2.0', method: 'notifications/initialized' },
  { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  ...calls,
];

let sandbox: OdooSandbox;
let chatwoot: FakeChatwoot;
let dataDir: string;
beforeAll(async () => {
  await ensureBuilt();
  // Loaded lazily, as the CLI itself loads it.
  const { startOdooSandbox } = await import('@mcp-crew/odoo-sandbox');
  sandbox = await startOdooSandbox({ port: 0 });
  chatwoot = await startFakeChatwoot();
  dataDir = mkdtempSync(join(tmpdir(), 'crew-purity-'));
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await chatwoot?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('MCP over stdio writes only JSON-RPC to stdout', () => {
  const odooEnv = () => ({
    ODOO_URL: sandbox.url,
    ODOO_DB: sandbox.db,
    ODOO_USER: sandbox.login,
    ODOO_API_KEY: sandbox.apiKey,
    ODOO_ALLOW_WRITES: 'true',
    MCP_TENANT_ID: 'pinturas',
  });
  const odooCalls = () =>
    session(
      call(3, 'odoo_create_lead', { title: 'Cotizar pintura' }),
      call(4, 'odoo_get_order', { order_name: 'S99999' }),
      call(5, 'odoo_search_products', { query: 'esmalte' }),
    );

  it.each([
    [
      'node apps/cli/dist/main.js (the documented desktop command)',
      () => [process.execPath, [CREW_MAIN, 'mcp', 'odoo', '--stdio']] as const,
    ],
    [
      'the crew bin',
      () => [process.execPath, [join(REPO_ROOT, 'apps/cli/bin/crew.js'), 'mcp', 'odoo', '--stdio']] as const,
    ],
  ])(
    'MCP-Odoo through %s: writes, failures and logs included',
    async (_label, command) => {
      const [bin, args] = command();
      const result = await exchange(bin, [...args], odooEnv(), odooCalls());
      const messages = jsonRpcLines(result.stdout);
      const byId = new Map(messages.map((m) => [m['id'], m]));
      expect((byId.get(2)?.['result'] as { tools: unknown[] }).tools).toHaveLength(19);
      expect(byId.get(3)?.['result']).toMatchObject({ structuredContent: { lead_id: expect.any(Number) } });
      expect(byId.get(3)?.['result']).not.toHaveProperty('isError', true);
      expect(byId.get(4)?.['result']).toMatchObject({ isError: true });
      // The write audit is a log: it went to stderr.
      expect(result.stderr).toContain('odoo write odoo_create_lead ok');
      expect(result.stderr).not.toContain(sandbox.apiKey);
    },
    60_000,
  );

  it('MCP-Chatwoot', async () => {
    const env = {
      CHATWOOT_URL: chatwoot.url,
      CHATWOOT_BOT_TOKEN: 'bot-token-purity',
      CHATWOOT_ACCOUNT_ID: '1',
    };
    const result = await exchange(
      process.execPath,
      [CREW_MAIN, 'mcp', 'chatwoot', '--stdio'],
      env,
      session(call(3, 'chatwoot_get_conversation', { conversation_id: 41 })),
    );
    const messages = jsonRpcLines(result.stdout);
    expect(messages.find((m) => m['id'] === 3)?.['result']).toBeDefined();
  }, 60_000);

  it('MCP-MongoDB on the embedded store', async () => {
    const env = { MCP_TENANT_ID: 'demo', DATA_DIR: dataDir };
    const result = await exchange(
      process.execPath,
      [CREW_MAIN, 'mcp', 'mongodb', '--stdio'],
      env,
      session(call(3, 'business_list_datasets', {})),
    );
    const messages = jsonRpcLines(result.stdout);
    expect(messages.find((m) => m['id'] === 3)?.['result']).toBeDefined();
  }, 60_000);
});
