import { afterEach, describe, expect, it } from '@jest/globals';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Secret } from '@mcp-crew/core';
import { staticBearerToken } from './bearer-token.js';
import { connectInProcess } from './in-process.js';
import { serveHttp, type HttpMcpEndpoint } from './serve-http.js';

const TOKEN = 'mcp-http-token-0123456789';

// A server whose one tool says which tenant context it was built for.
function buildServer(context: { tenant: string }): McpServer {
  const server = new McpServer({ name: 'echo', version: '1.0.0' });
  server.registerTool(
    'whoami',
    {
      description: 'Says the tenant',
      inputSchema: { greeting: z.string() },
      outputSchema: { tenant: z.string(), greeting: z.string() },
      annotations: { readOnlyHint: true },
    },
    async ({ greeting }) => ({
      content: [{ type: 'text', text: `${greeting} ${context.tenant}` }],
      structuredContent: { tenant: context.tenant, greeting },
    }),
  );
  return server;
}

describe('serveHttp', () => {
  let endpoint: HttpMcpEndpoint | undefined;
  const clients: Client[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await endpoint?.close();
  });

  const start = async () => {
    endpoint = await serveHttp({
      port: 0,
      authenticate: staticBearerToken(new Secret(TOKEN), { tenant: 'demo' }),
      buildServer,
    });
    return endpoint;
  };
  const connect = async (url: string, token?: string) => {
    const client = new Client({ name: 'test', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(
      new URL(url),
      token ? { requestInit: { headers: { authorization: `Bearer ${token}` } } } : undefined,
    );
    await client.connect(transport);
    clients.push(client);
    return client;
  };

  it('listens on loopback and serves tools to a client with the right token', async () => {
    const { url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = await connect(url, TOKEN);
    const result = await client.callTool({ name: 'whoami', arguments: { greeting: 'hola' } });
    expect(result.structuredContent).toEqual({ tenant: 'demo', greeting: 'hola' });
    // Stateless: a second call works on a fresh server too.
    const again = await client.callTool({ name: 'whoami', arguments: { greeting: 'otra vez' } });
    expect(again.structuredContent).toEqual({ tenant: 'demo', greeting: 'otra vez' });
  });

  it('refuses a client without a token or with a wrong one', async () => {
    const { url } = await start();
    await expect(connect(url)).rejects.toThrow();
    await expect(connect(url, 'mcp-http-token-0123456780')).rejects.toThrow();
  });

  it('answers 401 JSON with a bearer challenge, 405 to GET and 404 elsewhere', async () => {
    const { url } = await start();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    const unauthorised = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer nope' },
      body,
    });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.headers.get('www-authenticate')).toBe(
      'Bearer realm="mcp", error="invalid_token", error_description="the bearer token is not valid"',
    );
    expect(await unauthorised.json()).toEqual({
      error: 'invalid_token',
      error_description: 'the bearer token is not valid',
    });
    // No credentials at all: a bare challenge (RFC 6750 §3.1), telling the client how to authenticate.
    const anonymous = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="mcp"');
    expect(await anonymous.json()).toEqual({
      error: 'invalid_token',
      error_description: 'a bearer token is required: Authorization: Bearer <token>',
    });
    const get = await fetch(url, {
      headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' },
    });
    expect(get.status).toBe(405);
    await get.body?.cancel();
    const other = await fetch(url.replace('/mcp', '/other'), {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(other.status).toBe(404);
    await other.body?.cancel();
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { url } = await start();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            host: 'evil.example:80',
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    });
    expect(status).toBe(403);
  });
});

describe('connectInProcess', () => {
  it('connects a client to a server in the same process', async () => {
    const client = await connectInProcess(buildServer({ tenant: 'local' }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => [t.name, t.annotations?.readOnlyHint])).toEqual([['whoami', true]]);
      const result = await client.callTool({ name: 'whoami', arguments: { greeting: 'hi' } });
      expect(result.content).toEqual([{ type: 'text', text: 'hi local' }]);
    } finally {
      await client.close();
    }
  });
});
