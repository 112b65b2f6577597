import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { bearerTokenOf } from './bearer-token.js';

export interface ServeHttpOptions<C> {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to loopback; binding elsewhere is a deliberate choice of the caller. */
  host?: string;
  /** URL path of the MCP endpoint (default `/mcp`). */
  path?: string;
  /** Realm of the `WWW-Authenticate` challenge on 401 (default `mcp`): names the server to the client. */
  realm?: string;
  /** Returns the caller's context for a valid bearer token, `undefined` otherwise (→ 401). */
  authenticate(bearerToken: string | undefined): C | undefined | Promise<C | undefined>;
  /** Builds a fresh server for one request, scoped to the caller's context. */
  buildServer(context: C): McpServer | Promise<McpServer>;
  /** Called with errors the transport reports (never with tokens). */
  onError?(error: unknown): void;
}

export interface HttpMcpEndpoint {
  /** Full URL of the MCP endpoint, e.g. `http://127.0.0.1:41234/mcp`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Serves MCP over Streamable HTTP behind a bearer token. Stateless: each POST gets a new server and
 * transport (the SDK's recommended shape when no session state is needed), so any replica can answer any
 * request. GET/DELETE (SSE streams, session end) are not offered and answer 405.
 */
export async function serveHttp<C>(options: ServeHttpOptions<C>): Promise<HttpMcpEndpoint> {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/mcp';
  const realm = options.realm ?? 'mcp';
  let allowedHosts: string[] | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if ((req.url ?? '').split('?')[0] !== path)
      return json(res, 404, { error: 'not_found', error_description: `the MCP endpoint is ${path}` });
    const token = bearerTokenOf(req.headers.authorization);
    const context = await options.authenticate(token);
    if (context === undefined) {
      // RFC 6750 §3: no credentials → a bare challenge; a token that failed → error="invalid_token".
      // The JSON body says invalid_token either way: clients already match on it.
      const description =
        token === undefined
          ? 'a bearer token is required: Authorization: Bearer <token>'
          : 'the bearer token is not valid';
      res.setHeader(
        'www-authenticate',
        bearerChallenge(realm, token === undefined ? undefined : description),
      );
      return json(res, 401, {
        error: 'invalid_token',
        error_description: description,
      });
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return json(res, 405, {
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Method not allowed: this server is stateless, use POST' },
        id: null,
      });
    }
    const server = await options.buildServer(context);
    // DNS-rebinding protection matters when bound to loopback: a browser page must not reach us via its own name.
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
      ...(allowedHosts ? { enableDnsRebindingProtection: true, allowedHosts } : {}),
    });
    transport.onerror = (error) => options.onError?.(error);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res);
  };

  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (!res.headersSent)
        json(res, 500, {
          jsonrpc: '2.0',
          error: { code: -32603, message: 'Internal server error' },
          id: null,
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  if (LOOPBACK.has(host)) allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${path}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** `Bearer realm="…"[, error="invalid_token", error_description="…"]` (RFC 6750 §3). */
export function bearerChallenge(realm: string, invalidTokenDescription?: string): string {
  const quoted = (v: string) => `"${v.replace(/["\\]/g, '')}"`;
  const parts = [`realm=${quoted(realm)}`];
  if (invalidTokenDescription)
    parts.push('error="invalid_token"', `error_description=${quoted(invalidTokenDescription)}`);
  return `Bearer ${parts.join(', ')}`;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
