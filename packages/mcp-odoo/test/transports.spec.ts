import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { runOdooMcp } from '../src/index.js';
import { buildCliDist } from './build-dist.js';
import { startOdooSandbox, type OdooSandbox } from './stack.js';

// MCP-Odoo as `crew mcp odoo --stdio` (spawned, as a desktop client runs it) and over Streamable HTTP.
const HTTP_TOKEN = 'mcp-odoo-http-token-0123456789';

let sandbox: OdooSandbox;
let main: string;
beforeAll(async () => {
  [sandbox, main] = await Promise.all([startOdooSandbox({ port: 0 }), buildCliDist()]);
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

function odooEnv(extra: Record<string, string> = {}): Record<string, string> {
  // Only what the server needs: nothing from the developer's environment leaks in.
  return {
    PATH: process.env.PATH ?? '',
    ODOO_URL: sandbox.url,
    ODOO_DB: sandbox.db,
    ODOO_USER: sandbox.login,
    ODOO_API_KEY: sandbox.apiKey,
    MCP_TENANT_ID: 'pinturas',
    ...extra,
  };
}

/** A read and a write through any connected client; checks the write reached the sandbox. */
async function readAndWrite(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toContain('odoo_create_quotation');
  const found = await client.callTool({ name: 'odoo_find_customers', arguments: { query: 'Ana Gómez' } });
  expect(found.structuredContent).toMatchObject({ customers: [{ id: 5, name: 'Ana Gómez' }] });
  const created = await client.callTool({
    name: 'odoo_create_quotation',
    arguments: { customer_id: 5, lines: [{ product_id: 2, quantity: 2 }] },
  });
  expect(created.isError).toBeFalsy();
  expect(created.structuredContent).toMatchObject({
    state: 'draft',
    amount_untaxed: 125800,
    amount_total: 149702,
  });
  const name = (created.structuredContent as { name: string }).name;
  expect(sandbox.stats().calls['sale.order']?.['create']).toBeGreaterThan(0);
  const read = await client.callTool({ name: 'odoo_get_order', arguments: { order_name: name } });
  expect(read.structuredContent).toMatchObject({ name, customer: 'Ana Gómez' });
}

describe('crew mcp odoo --stdio', () => {
  it('serves the tools to an SDK client that spawned it, writes only with ODOO_ALLOW_WRITES=true', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [main, 'mcp', 'odoo', '--stdio'],
      env: odooEnv({ ODOO_ALLOW_WRITES: 'true' }),
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      await readAndWrite(client);
    } finally {
      await client.close();
    }
    // The write audit goes to stderr as JSON lines (stdout is the protocol), and never holds the key.
    expect(stderr).toContain('"msg":"odoo write odoo_create_quotation ok"');
    expect(stderr).toContain('"tenantId":"pinturas"');
    expect(stderr).not.toContain(sandbox.apiKey);
  }, 60_000);

  it('hides and refuses writes by default', async () => {
    const client = new Client({ name: 'stdio-test', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [main, 'mcp', 'odoo', '--stdio'],
        env: odooEnv(),
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(11);
      expect(tools.map((t) => t.name)).not.toContain('odoo_create_lead');
      const refused = await client
        .callTool({ name: 'odoo_create_lead', arguments: { title: 'Cotizar pintura' } })
        .catch((error: Error) => ({ isError: true, content: [{ type: 'text', text: error.message }] }));
      expect(refused.isError).toBe(true);
      expect(JSON.stringify(refused.content)).toContain('odoo_create_lead');
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('MCP-Odoo over Streamable HTTP (runOdooMcp)', () => {
  let endpoint: { url?: string; close(): Promise<void> };
  // runOdooMcp logs (and audits writes) on this process's stderr: keep it, to check it and to keep output clean.
  let stderr = '';
  const spy = jest.spyOn(process.stderr, 'write');
  beforeAll(async () => {
    spy.mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    endpoint = await runOdooMcp(
      { mode: 'http', port: 0 },
      odooEnv({ MCP_HTTP_TOKEN: HTTP_TOKEN, ODOO_ALLOW_WRITES: 'true' }),
    );
  });
  afterAll(async () => {
    await endpoint?.close();
    spy.mockRestore();
  });

  const connect = async (token?: string): Promise<Client> => {
    const client = new Client({ name: 'http-test', version: '1.0.0' });
    const headers = token ? { authorization: `Bearer ${token}` } : undefined;
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(endpoint.url!),
        headers ? { requestInit: { headers } } : undefined,
      ),
    );
    return client;
  };

  it('listens on loopback and serves the tools with the bearer token', async () => {
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = await connect(HTTP_TOKEN);
    try {
      await readAndWrite(client);
    } finally {
      await client.close();
    }
    expect(stderr).toContain(`[mcp-odoo] listening on ${endpoint.url} (writes ENABLED)`);
    expect(stderr).toContain('"msg":"odoo write odoo_create_quotation ok"');
    expect(stderr).not.toContain(HTTP_TOKEN);
    expect(stderr).not.toContain(sandbox.apiKey);
  });

  it('refuses clients without the token or with a wrong one, and Odoo hears nothing', async () => {
    sandbox.resetStats();
    await expect(connect()).rejects.toThrow();
    await expect(connect('not-the-token-not-the-token')).rejects.toThrow();
    const raw = await fetch(endpoint.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{}',
    });
    expect(raw.status).toBe(401);
    expect(sandbox.stats().total).toBe(0);
  });

  it('will not start without a token', async () => {
    await expect(runOdooMcp({ mode: 'http', port: 0 }, odooEnv())).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('MCP_HTTP_TOKEN'),
    });
  });
});
