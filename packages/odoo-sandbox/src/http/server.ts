import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RpcServices } from '../rpc/services.js';
import { SANDBOX_VERSION } from '../rpc/version.js';
import { handleJson2 } from './json2.js';
import { handleJsonRpc } from './jsonrpc.js';
import type { HttpReply } from './reply.js';
import { handleXmlRpc } from './xmlrpc.js';

const MAX_BODY = 10 * 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const notFound = (): HttpReply => ({
  status: 404,
  contentType: 'text/html; charset=utf-8',
  body: '<!doctype html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>Odoo sandbox: no such route.</p>\n',
});

/** Routes one request to the protocol that owns its path. */
async function route(services: RpcServices, req: IncomingMessage, latencyMs: number): Promise<HttpReply> {
  const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
  if (req.method === 'GET' && path === '/web/version') {
    return {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify({
        version_info: SANDBOX_VERSION.server_version_info,
        version: SANDBOX_VERSION.server_version,
      }),
    };
  }
  if (req.method !== 'POST') return notFound();
  const body = await readBody(req);
  // Simulated network + server time, so demos and benchmarks can feel a real Odoo's round trips.
  if (latencyMs > 0) await sleep(latencyMs);
  if (path === '/jsonrpc') return handleJsonRpc(services, body);
  const xml = /^\/xmlrpc\/(2\/)?([\w.]+)$/.exec(path);
  if (xml) return handleXmlRpc(services, xml[2]!, xml[1] === undefined, body);
  const json2 = /^\/json\/2\/([\w.]+)\/(\w+)$/.exec(path);
  if (json2) {
    return handleJson2(services, {
      model: json2[1]!,
      method: json2[2]!,
      authorization: req.headers.authorization,
      database: req.headers['x-odoo-database'] as string | undefined,
      body,
    });
  }
  return notFound();
}

/** The sandbox's HTTP server; every response carries `X-Odoo-Sandbox: 1` so it is never mistaken for Odoo. */
export function createSandboxServer(services: RpcServices, latencyMs: number): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    route(services, req, latencyMs)
      .catch((error: unknown): HttpReply => ({
        status: 500,
        contentType: 'text/plain; charset=utf-8',
        body: `odoo-sandbox: ${error instanceof Error ? error.message : String(error)}`,
      }))
      .then((reply) => {
        res.writeHead(reply.status, {
          'Content-Type': reply.contentType,
          'X-Odoo-Sandbox': '1',
          'Content-Length': Buffer.byteLength(reply.body),
        });
        res.end(reply.body);
      });
  });
}
