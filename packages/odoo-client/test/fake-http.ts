import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeReply {
  status?: number;
  contentType?: string;
  body: string;
}

/** Answers one request; returning `'hang'` never answers (timeouts). */
export type FakeHandler = (request: SeenRequest) => FakeReply | 'hang' | Promise<FakeReply | 'hang'>;

export interface FakeServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A programmable HTTP server on 127.0.0.1 (ephemeral port) standing in for Odoo. */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      Promise.resolve(handler(seen)).then(
        (reply) => {
          if (reply === 'hang') return;
          res.writeHead(reply.status ?? 200, {
            'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
          });
          res.end(reply.body);
        },
        (error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
