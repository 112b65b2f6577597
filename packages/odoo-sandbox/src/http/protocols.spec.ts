import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { serializeMethodCall } from '@foxglove/xmlrpc';
import { startOdooSandbox, type OdooSandbox } from '../sandbox.js';

describe('sandbox over HTTP', () => {
  let sb: OdooSandbox;
  beforeAll(async () => {
    sb = await startOdooSandbox({ port: 0, latencyMs: 1 });
  });
  afterAll(async () => {
    await sb.close();
  });

  const json2 = (
    path: string,
    body: unknown,
    key: string | undefined = sb.apiKey,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${sb.url}/json/2/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(key ? { Authorization: `bearer ${key}` } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
  const jsonrpc = async (service: string, method: string, args: unknown[]) => {
    const res = await fetch(`${sb.url}/jsonrpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service, method, args }, id: 7 }),
    });
    return (await res.json()) as { result?: unknown; error?: { data: { name: string; message: string } } };
  };
  const xmlrpc = async (path: string, method: string, params: unknown[]) => {
    const res = await fetch(`${sb.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: serializeMethodCall(method, params as never),
    });
    return res.text();
  };

  it('labels itself as a sandbox', async () => {
    expect(
      ((await jsonrpc('common', 'version', [])).result as { server_version: string }).server_version,
    ).toBe('18.0-sandbox');
    const res = await fetch(`${sb.url}/web/version`);
    expect(res.headers.get('x-odoo-sandbox')).toBe('1');
  });

  it('authenticates with the API key as password, and refuses a wrong one', async () => {
    expect((await jsonrpc('common', 'authenticate', [sb.db, sb.login, sb.apiKey, {}])).result).toBe(sb.uid);
    expect((await jsonrpc('common', 'authenticate', [sb.db, sb.login, 'nope', {}])).result).toBe(false);
    const denied = await jsonrpc('object', 'execute_kw', [
      sb.db,
      sb.uid,
      'nope',
      'res.partner',
      'search',
      [[]],
    ]);
    expect(denied.error?.data.name).toBe('odoo.exceptions.AccessDenied');
  });

  it('the demo user reads but cannot write (AccessError, fault 4)', async () => {
    const read = await jsonrpc('object', 'execute_kw', [
      sb.db,
      sb.demo.uid,
      sb.demo.apiKey,
      'res.partner',
      'search_count',
      [[]],
    ]);
    expect(typeof read.result).toBe('number');
    const xml = await xmlrpc('/xmlrpc/2/object', 'execute_kw', [
      sb.db,
      sb.demo.uid,
      sb.demo.apiKey,
      'sale.order',
      'write',
      [[1], { note: 'x' }],
    ]);
    expect(xml).toContain('<value><int>4</int></value>');
    expect(xml).toContain("You are not allowed to modify 'Sales Order' (sale.order) records.");
  });

  it('maps faults to XML-RPC codes, and to string codes on the legacy endpoint', async () => {
    const call = (path: string, model: string, method: string, args: unknown[]) =>
      xmlrpc(path, 'execute_kw', [sb.db, sb.uid, sb.apiKey, model, method, args]);
    expect(await call('/xmlrpc/2/object', 'res.partner', 'write', [[999999], { name: 'x' }])).toContain(
      '<value><int>2</int></value>',
    );
    expect(await call('/xmlrpc/2/object', 'res.partner', 'write', [[5], { name: false }])).toContain(
      'Contacts require a name',
    );
    expect(await call('/xmlrpc/2/object', 'res.partner', '_private', [[5]])).toContain(
      '<value><int>4</int></value>',
    );
    const unknown = await call('/xmlrpc/2/object', 'res.partner', 'nope', [[5]]);
    expect(unknown).toContain('<value><int>1</int></value>');
    expect(unknown).toContain("AttributeError: The method 'nope' does not exist on the model 'res.partner'");
    expect(await call('/xmlrpc/object', 'no.such.model', 'search', [[]])).toContain(
      "<value><string>warning -- UserError\n\nObject no.such.model doesn't exist</string></value>",
    );
  });

  it('serves JSON-2 with named arguments and ids', async () => {
    const res = await json2(
      'res.partner/search_read',
      { domain: [['name', 'ilike', 'ferretería']], fields: ['name', 'vat'], context: { lang: 'es_CO' } },
      sb.apiKey,
      { 'X-Odoo-Database': sb.db },
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ id: 10, name: 'Ferretería El Sol S.A.S.', vat: '900123456-1' }]);
    const created = await json2('sale.order/create', {
      vals_list: [{ partner_id: 5, order_line: [[0, 0, { product_id: 2 }]] }],
    });
    const [id] = (await created.json()) as number[];
    const confirm = await json2('sale.order/action_confirm', { ids: [id] });
    expect(await confirm.json()).toBe(true);
    const lock = await json2('sale.order/action_lock', { ids: [id] });
    expect(await lock.json()).toBeNull();
  });

  it('answers JSON-2 errors with HTTP codes', async () => {
    const noKey = await json2('res.partner/search', { domain: [] }, 'wrong-key');
    expect(noKey.status).toBe(401);
    expect(((await noKey.json()) as { name: string }).name).toBe('werkzeug.exceptions.Unauthorized');
    const forbidden = await json2('res.partner/create', { vals_list: [{ name: 'X' }] }, sb.demo.apiKey);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { name: string }).name).toBe('odoo.exceptions.AccessError');
    expect((await json2('res.partner/write', { ids: [999999], vals: { name: 'x' } })).status).toBe(404);
    expect((await json2('no.model/search', {})).status).toBe(404);
    expect((await json2('res.partner/search', { domain: [['nope', '=', 1]] })).status).toBe(422);
  });

  it('counts calls per model and method', async () => {
    sb.resetStats();
    await jsonrpc('object', 'execute_kw', [
      sb.db,
      sb.uid,
      sb.apiKey,
      'product.product',
      'search_read',
      [[]],
      { limit: 1 },
    ]);
    await xmlrpc('/xmlrpc/2/object', 'execute_kw', [
      sb.db,
      sb.uid,
      sb.apiKey,
      'product.product',
      'search_read',
      [[]],
      { limit: 1 },
    ]);
    await json2('res.partner/search_count', { domain: [] });
    expect(sb.stats()).toEqual({
      total: 3,
      calls: { 'product.product': { search_read: 2 }, 'res.partner': { search_count: 1 } },
    });
  });

  it('resets to its seed without dropping connected clients', async () => {
    const call = (method: string, args: unknown[]) =>
      jsonrpc('object', 'execute_kw', [sb.db, sb.uid, sb.apiKey, 'res.partner', method, args]);
    const before = (await call('search_count', [[]])).result as number;
    const created = (await call('create', [{ name: 'Cliente de prueba del reset' }])).result as number;
    expect(await call('search_count', [[]])).toMatchObject({ result: before + 1 });
    sb.reset();
    expect(await call('search_count', [[['id', '=', created]]])).toMatchObject({ result: 0 });
    expect(await call('search_count', [[]])).toMatchObject({ result: before });
    // The same ids are handed out again: a scenario run after a reset sees the same records as the first.
    expect(await call('create', [{ name: 'Otra vez' }])).toMatchObject({ result: created });
  });
});
