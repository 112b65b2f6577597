import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { isCrewError, tenantId } from '@mcp-crew/core';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { BusinessDataService, seedBusinessDataFromFile } from '@mcp-crew/tenant-store';
import { readMongoMcpEnv } from './env.js';
import { parseMongoMcpArgs, runMongoMcp, type RunningMongoMcp } from './run.js';

const DEMO_FILE = fileURLToPath(new URL('../../../collections/business_data/demo.yaml', import.meta.url));
const DEMO_TOKEN = 'demo-token-0123456789';
const OTHER_TOKEN = 'otra-token-0123456789';

describe('parseMongoMcpArgs and readMongoMcpEnv', () => {
  it('reads the mode and the tenant tokens', () => {
    expect(parseMongoMcpArgs([])).toEqual({ mode: 'stdio' });
    expect(parseMongoMcpArgs(['--http', '0'])).toEqual({ mode: 'http', port: 0 });
    const env = readMongoMcpEnv({ MCP_HTTP_TOKENS: `demo:${DEMO_TOKEN}, otra:${OTHER_TOKEN}` }, 'http');
    expect(env.tokens.map((t) => t.tenant)).toEqual(['demo', 'otra']);
    expect(JSON.stringify(env)).not.toContain(DEMO_TOKEN);
  });

  it('names bad variables without echoing tokens', () => {
    expect(() => readMongoMcpEnv({}, 'http')).toThrow(/MCP_HTTP_TOKENS: required/);
    try {
      readMongoMcpEnv({ MCP_HTTP_TOKENS: 'demo:short-tok' }, 'http');
      throw new Error('expected an error');
    } catch (error) {
      expect(isCrewError(error, 'CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(/MCP_HTTP_TOKENS\[0\]/);
      expect((error as Error).message).not.toContain('short-tok');
    }
  });
});

describe('runMongoMcp over Streamable HTTP (embedded store)', () => {
  let dir: string;
  let server: RunningMongoMcp;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crew-mcp-mongo-'));
    const docs = EmbeddedDocumentStore.inDataDir(dir);
    const business = new BusinessDataService(docs.businessData);
    await seedBusinessDataFromFile(business, tenantId('demo'), DEMO_FILE);
    await business.put(tenantId('otra'), 'payment_methods', {
      description: 'Medios de pago de otra tienda',
      records: [{ id: 'pse', name: 'PSE', accepted: ['prepaid'] }],
    });
    await docs.close();
    server = await runMongoMcp(
      { mode: 'http', port: 0 },
      {
        DATA_DIR: dir,
        MCP_HTTP_TOKENS: `demo:${DEMO_TOKEN},otra:${OTHER_TOKEN}`,
      },
    );
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function connect(token?: string): Promise<Client> {
    const transport = new StreamableHTTPClientTransport(new URL(server.url!), {
      requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
    });
    const client = new Client({ name: 'test', version: '0.0.0' });
    await client.connect(transport);
    return client;
  }

  const methods = (r: unknown) =>
    (
      (r as { structuredContent?: unknown }).structuredContent as { methods: Array<{ id: string }> }
    ).methods.map((m) => m.id);

  it("serves each token its own tenant's data only", async () => {
    const demo = await connect(DEMO_TOKEN);
    const other = await connect(OTHER_TOKEN);
    try {
      expect(methods(await demo.callTool({ name: 'business_get_payment_methods', arguments: {} }))).toContain(
        'nequi',
      );
      expect(methods(await other.callTool({ name: 'business_get_payment_methods', arguments: {} }))).toEqual([
        'pse',
      ]);
      const zones = await other.callTool({
        name: 'business_get_delivery_zones',
        arguments: { place: 'Envigado' },
      });
      expect(zones.isError).toBe(true);
      expect(JSON.stringify(zones)).not.toContain('Zona 2');
      const datasets = await other.callTool({ name: 'business_list_datasets', arguments: {} });
      expect(datasets.structuredContent).toEqual({
        datasets: [expect.objectContaining({ name: 'payment_methods' })],
      });
    } finally {
      await demo.close();
      await other.close();
    }
  });

  it('refuses a missing or wrong token with 401', async () => {
    await expect(connect()).rejects.toThrow(/401|invalid_token/);
    await expect(connect('not-a-valid-token-000000')).rejects.toThrow(/401|invalid_token/);
    const response = await fetch(server.url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });
});
