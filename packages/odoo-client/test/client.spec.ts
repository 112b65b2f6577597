import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { isOdooError, type OdooError } from '../src/errors/odoo-error.js';
import { OdooClient } from '../src/odoo-client.js';
import { startFakeServer, type FakeReply, type FakeServer, type SeenRequest } from './fake-http.js';

// Client behaviour that the recordings cannot show: caching, retries, timeouts, protocol
// detection, JSON-2 and isolation between tenants. A fake Odoo answers on 127.0.0.1.

const KEY = 'test-api-key-0123456789abcdef';
const servers: FakeServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

type Rpc = { service: string; method: string; args: unknown[] };
const rpcOf = (req: SeenRequest): Rpc => (JSON.parse(req.body) as { params: Rpc }).params;
const ok = (result: unknown): FakeReply => ({ body: JSON.stringify({ jsonrpc: '2.0', id: 1, result }) });
const fault = (name: string, message: string): FakeReply => ({
  body: JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    error: { code: 200, message: 'Odoo Server Error', data: { name, message, debug: 'Traceback ...' } },
  }),
});

async function fakeOdoo(handler: (rpc: Rpc, req: SeenRequest) => FakeReply | 'hang'): Promise<FakeServer> {
  const server = await startFakeServer((req) =>
    req.path === '/jsonrpc'
      ? handler(rpcOf(req), req)
      : { status: 404, contentType: 'text/html', body: 'Not Found' },
  );
  servers.push(server);
  return server;
}

function client(url: string, extra: Partial<ConstructorParameters<typeof OdooClient>[0]> = {}): OdooClient {
  return new OdooClient({
    url,
    db: 'pinturas',
    user: 'bot',
    apiKey: KEY,
    protocol: 'jsonrpc',
    retryBaseDelayMs: 1,
    tenant: 'pinturas',
    ...extra,
  });
}

const methodOf = (rpc: Rpc): string =>
  rpc.service === 'object' ? String(rpc.args[4]) : `${rpc.service}.${rpc.method}`;

describe('OdooClient', () => {
  it('authenticates once and reuses the uid; stats count every request', async () => {
    const server = await fakeOdoo((rpc) =>
      rpc.method === 'authenticate' ? ok(7) : ok([{ id: 1, name: 'Pinturas Andinas' }]),
    );
    const c = client(server.url);
    await c.searchRead('res.partner', [['name', 'ilike', 'andinas']], { fields: ['name'], limit: 5 });
    await c.searchRead('res.partner', [], { fields: ['name'] });
    expect(server.requests.map((r) => methodOf(rpcOf(r)))).toEqual([
      'common.authenticate',
      'search_read',
      'search_read',
    ]);
    expect(rpcOf(server.requests[1]!).args.slice(0, 3)).toEqual(['pinturas', 7, KEY]);
    expect(c.stats()).toEqual({
      calls: 3,
      retries: 0,
      byMethod: { 'common/authenticate': 1, 'res.partner/search_read': 2 },
    });
  });

  it('re-authenticates once after AccessDenied and then succeeds', async () => {
    let denied = false;
    const server = await fakeOdoo((rpc) => {
      if (rpc.method === 'authenticate') return ok(denied ? 9 : 7);
      if (rpc.args[1] === 7) {
        denied = true;
        return fault('odoo.exceptions.AccessDenied', 'Access Denied');
      }
      return ok(3);
    });
    const c = client(server.url);
    expect(await c.searchCount('res.partner', [])).toBe(3);
    expect(server.requests.map((r) => methodOf(rpcOf(r)))).toEqual([
      'common.authenticate',
      'search_count',
      'common.authenticate',
      'search_count',
    ]);
  });

  it('reports a wrong key as ODOO_AUTH_FAILED without revealing it', async () => {
    const server = await fakeOdoo(() => ok(false));
    const error = (await client(server.url)
      .read('res.partner', [1])
      .catch((e: unknown) => e)) as OdooError;
    expect(error.code).toBe('ODOO_AUTH_FAILED');
    expect(error.details.tenant).toBe('pinturas');
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain(KEY);
  });

  it('redacts the key even if the server echoes it', async () => {
    const server = await fakeOdoo((rpc) =>
      rpc.method === 'authenticate' ? ok(2) : fault('odoo.exceptions.UserError', `bad key ${KEY}`),
    );
    const error = (await client(server.url)
      .call('sale.order', 'action_confirm', [[1]])
      .catch((e: unknown) => e)) as OdooError;
    expect(error.code).toBe('ODOO_USER_ERROR');
    expect(error.message).toBe('bad key [redacted]');
  });

  it('retries reads after 503 but never repeats a create', async () => {
    let reads = 0;
    const server = await fakeOdoo((rpc) => {
      if (rpc.method === 'authenticate') return ok(2);
      if (rpc.args[4] === 'search_read' && ++reads < 3)
        return { status: 503, contentType: 'text/html', body: 'Service Unavailable' };
      if (rpc.args[4] === 'create') return { status: 502, contentType: 'text/html', body: 'Bad Gateway' };
      return ok([]);
    });
    const c = client(server.url);
    expect(await c.searchRead('product.product', [])).toEqual([]);
    expect(c.stats()).toMatchObject({ calls: 4, retries: 2 });

    const error = (await c.create('sale.order', { partner_id: 1 }).catch((e: unknown) => e)) as OdooError;
    expect(error.code).toBe('ODOO_UNAVAILABLE');
    expect(error.details.mayHaveBeenApplied).toBe(true);
    expect(c.stats().byMethod['sale.order/create']).toBe(1);
  });

  it('gives up after the retries and does not retry Odoo faults', async () => {
    const server = await fakeOdoo((rpc) =>
      rpc.method === 'authenticate'
        ? ok(2)
        : rpc.args[4] === 'read'
          ? { status: 504, contentType: 'text/html', body: 'Gateway Timeout' }
          : fault('builtins.ValueError', "Invalid field 'x' on model 'res.partner'"),
    );
    const c = client(server.url, { retries: 2 });
    await expect(c.read('res.partner', [1])).rejects.toMatchObject({
      code: 'ODOO_UNAVAILABLE',
      retryable: true,
    });
    expect(c.stats().byMethod['res.partner/read']).toBe(3);
    await expect(c.searchRead('res.partner', [], { fields: ['x'] })).rejects.toMatchObject({
      code: 'ODOO_UNKNOWN_FIELD',
    });
    expect(c.stats().byMethod['res.partner/search_read']).toBe(1);
  });

  it('times out a call that gets no answer', async () => {
    const server = await fakeOdoo((rpc) => (rpc.method === 'authenticate' ? ok(2) : 'hang'));
    const c = client(server.url, { timeoutMs: 150, retries: 0 });
    const error = (await c.write('res.partner', [1], { name: 'x' }).catch((e: unknown) => e)) as OdooError;
    expect(error.code).toBe('ODOO_UNAVAILABLE');
    expect(error.details.timedOut).toBe(true);
  });

  it('reports a refused connection as ODOO_UNAVAILABLE', async () => {
    // A port that was free a moment ago and has nothing listening now.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const c = client(`http://127.0.0.1:${port}`, { retries: 1 });
    const error = await c.version().catch((e: unknown) => e);
    expect(isOdooError(error, 'ODOO_UNAVAILABLE')).toBe(true);
    expect(c.stats()).toMatchObject({ calls: 2, retries: 1 });
  });

  it('detects the protocol: JSON-RPC below 19', async () => {
    const server = await fakeOdoo((rpc) =>
      rpc.method === 'version'
        ? ok({ server_version: '17.0', server_version_info: [17, 0, 0, 'final', 0, ''] })
        : rpc.method === 'authenticate'
          ? ok(2)
          : ok(4),
    );
    const c = client(server.url, { protocol: 'auto' });
    expect(await c.protocol()).toBe('jsonrpc');
    expect(await c.searchCount('res.partner', [])).toBe(4);
    expect(c.stats().byMethod['common/version']).toBe(1);
    expect((await c.version()).major).toBe(17);
    expect(c.stats().byMethod['common/version']).toBe(1);
  });

  it('detects Odoo 19 and speaks JSON-2 with named arguments, bearer key and database header', async () => {
    const server = await startFakeServer((req) => {
      if (req.path === '/jsonrpc')
        return ok({ server_version: '19.0', server_version_info: [19, 0, 0, 'final', 0, ''] });
      if (req.path === '/json/2/sale.order/create') return { body: '[42]' };
      if (req.path === '/json/2/sale.order/action_lock') return { body: 'null' };
      if (req.path === '/json/2/no.model/search_read')
        return {
          status: 404,
          body: JSON.stringify({
            name: 'werkzeug.exceptions.NotFound',
            message: "the model 'no.model' does not exist",
            debug: 'Traceback',
          }),
        };
      return { body: JSON.stringify([{ id: 1, name: 'Vinilo blanco' }]) };
    });
    servers.push(server);
    const c = client(server.url, { protocol: 'auto' });
    const rows = await c.searchRead('product.product', [['sale_ok', '=', true]], {
      fields: ['name'],
      limit: 5,
      context: { lang: 'es_CO' },
    });
    expect(rows).toEqual([{ id: 1, name: 'Vinilo blanco' }]);
    const sent = server.requests[1]!;
    expect(sent.path).toBe('/json/2/product.product/search_read');
    expect(sent.headers.authorization).toBe(`bearer ${KEY}`);
    expect(sent.headers['x-odoo-database']).toBe('pinturas');
    expect(JSON.parse(sent.body)).toEqual({
      domain: [['sale_ok', '=', true]],
      fields: ['name'],
      limit: 5,
      context: { lang: 'es_CO' },
    });

    expect(await c.create('sale.order', { partner_id: 3 })).toBe(42);
    expect(JSON.parse(server.requests[2]!.body)).toEqual({ vals_list: [{ partner_id: 3 }] });
    expect(await c.call('sale.order', 'action_lock', [[42]])).toBeNull();
    expect(JSON.parse(server.requests[3]!.body)).toEqual({ ids: [42] });
    await expect(c.call('sale.order', 'odd', [1, 2])).rejects.toMatchObject({ code: 'ODOO_PROTOCOL_ERROR' });
    await expect(c.searchRead('no.model', [])).rejects.toMatchObject({
      code: 'ODOO_UNKNOWN_MODEL',
      details: { status: 404 },
    });
  });

  it('maps a JSON-2 401 to ODOO_AUTH_FAILED', async () => {
    const server = await startFakeServer(() => ({
      status: 401,
      body: JSON.stringify({
        name: 'werkzeug.exceptions.Unauthorized',
        message: 'Invalid apikey',
        arguments: ['Invalid apikey', 401],
        context: {},
        debug: 'Traceback',
      }),
    }));
    servers.push(server);
    await expect(client(server.url, { protocol: 'json2' }).read('res.partner', [1])).rejects.toMatchObject({
      code: 'ODOO_AUTH_FAILED',
      message: 'Invalid apikey',
    });
  });

  it('keeps tenants apart: each instance has its own uid cache and stats', async () => {
    const server = await fakeOdoo((rpc) =>
      rpc.method === 'authenticate' ? ok(rpc.args[0] === 'a' ? 10 : 20) : ok(rpc.args[1]),
    );
    const a = client(server.url, { db: 'a', tenant: 'a' });
    const b = client(server.url, { db: 'b', tenant: 'b' });
    expect(
      await Promise.all([a.call('x', 'uid_echo', [], {}, { idempotent: true }), b.call('x', 'uid_echo')]),
    ).toEqual([10, 20]);
    expect(a.stats().calls).toBe(2);
    expect(b.stats().calls).toBe(2);
  });

  it('shares one authenticate between concurrent first calls', async () => {
    const server = await fakeOdoo((rpc) => (rpc.method === 'authenticate' ? ok(2) : ok(1)));
    const c = client(server.url);
    await Promise.all([c.searchCount('a', []), c.searchCount('b', []), c.searchCount('c', [])]);
    expect(c.stats().byMethod['common/authenticate']).toBe(1);
  });
});
