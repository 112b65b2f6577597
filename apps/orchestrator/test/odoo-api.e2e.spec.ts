import { randomBytes } from 'node:crypto';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import type { OdooClient } from '@mcp-crew/odoo-client';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { cacheFor, tenantId } from '@mcp-crew/core';
import { signChatwootBody } from '@mcp-crew/pipeline';
import { startApp, writeTenantsFile } from './support.js';

/**
 * The API a tenant's Odoo calls, end to end on the embedded tenant store: the copilot creates a quotation in
 * the Odoo sandbox, a product event drops cache entries and re-syncs the product's point.
 */
describe('Odoo API (copilot and events)', () => {
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let app: Awaited<ReturnType<typeof startApp>>;
  const KEY = 'demo-odoo-api-key-123';
  const SIGNING = 'demo-odoo-signing-secret';
  const OTHER_KEY = 'otra-odoo-api-key-456';

  beforeAll(async () => {
    ({ sandbox, odoo } = await startSandboxWithClient());
    const odooLine = `    odoo: {url: "${sandbox.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}
    odooApi: {apiKey: ${KEY}, signingSecret: ${SIGNING}}
  - id: otra
    name: Otra Tienda
    odooApi: {apiKey: ${OTHER_KEY}}
`;
    app = await startApp({
      tenantsFile: writeTenantsFile('http://127.0.0.1:9', odooLine),
      env: {
        TENANT_STORE: 'embedded',
        CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPERATOR_API_KEY: 'operator-key-e2e',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await sandbox.close();
  });

  const call = (
    path: string,
    body: unknown,
    headers: Record<string, string> = { authorization: `Bearer ${KEY}` },
  ) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });

  it('creates the quotation a user asks for, and returns the reply and the records touched', async () => {
    const response = await call('/odoo/demo/copilot', {
      user: { id: 2, name: 'Laura Admin', login: 'laura@arcoiris.example.com' },
      message:
        'crea una cotización para Ferretería El Sol con 3 galones de vinilo blanco y 2 brochas de 3 pulgadas',
      session_id: 'sess-1',
    });
    const answer = (await response.json()) as {
      reply: string;
      records: Array<{ model: string; id: number; display_name: string; url: string }>;
      session_id: string;
    };
    expect({ status: response.status, answer }).toMatchObject({ status: 200 });
    expect(answer.session_id).toBe('sess-1');
    expect(answer.records).toHaveLength(1);
    const [record] = answer.records;
    expect(record).toMatchObject({
      model: 'sale.order',
      display_name: expect.stringMatching(/^S\d{5}$/),
      url: `${sandbox.url}/web#id=${record!.id}&model=sale.order&view_type=form`,
    });
    expect(answer.reply).toContain(record!.display_name);
    const [order] = await odoo.searchRead('sale.order', [['id', '=', record!.id]], {
      fields: ['state', 'partner_id', 'origin'],
    });
    expect(order).toMatchObject({ state: 'draft', partner_id: [10, 'Ferretería El Sol S.A.S.'] });
    // The write is keyed by its copilot job, as a Chatwoot turn's are: recorded once, never made twice.
    expect(order!['origin']).toMatch(
      /^mcp-crew:demo:-?\d+:d:odoo-copilot:[0-9a-f-]{36}:odoo_create_quotation:1$/,
    );
    const lines = await odoo.searchRead('sale.order.line', [['order_id', '=', record!.id]], {
      fields: ['product_id', 'product_uom_qty'],
    });
    expect(lines.map((l) => [(l['product_id'] as [number, string])[1], l['product_uom_qty']])).toEqual([
      [expect.stringMatching(/Vinilo Tipo 1.*[Bb]lanco.*Gal/), 3],
      [expect.stringMatching(/Brocha 3"/), 2],
    ]);
    // The copilot's tool calls are counted under its tenant, like a Chatwoot turn's.
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/mcp_crew_tool_calls_total\{[^}]*tenant="demo"[^}]*tool="odoo_create_quotation"/);
    expect(metrics).not.toMatch(/mcp_crew_tool_calls_total\{[^}]*tenant="unknown"/);
  }, 30_000);

  it('serves a staff member: any customer per request, replies addressed to them, the yes confirms the quotation just shown', async () => {
    const user = {
      id: 2,
      name: 'Laura Admin',
      login: 'admin',
      lang: 'es_CO',
      permissions: { 'sale.order': ['read', 'create', 'write'] },
    };
    const ask = async (message: string) => {
      const response = await call('/odoo/demo/copilot', { user, message, session_id: 'staff-1' });
      return (await response.json()) as {
        reply: string;
        records: Array<{ id: number; display_name: string }>;
      };
    };
    const first = await ask('crea una cotización para Ferretería El Sol con 2 brochas de 3 pulgadas');
    expect(first.reply).toMatch(/^Creé la cotización S\d{5} para Ferretería El Sol/);
    const second = await ask('crea una cotización para Carlos Pérez con 1 galón de vinilo blanco');
    expect(second.reply).toMatch(/^Creé la cotización S\d{5} para Carlos Pérez/);
    expect(second.reply).not.toMatch(/Carlos[,.]|Listo/);
    const confirmed = await ask('sí, confírmala');
    expect(confirmed.reply).toContain(`Confirmé el pedido de venta ${second.records[0]!.display_name}`);
    const [order] = await odoo.searchRead('sale.order', [['id', '=', second.records[0]!.id]], {
      fields: ['state'],
    });
    expect(order?.['state']).toBe('sale');
    // Without the right to create quotations, nothing is created.
    const refused = await call('/odoo/demo/copilot', {
      user: { ...user, permissions: { 'sale.order': ['read'] } },
      message: 'crea una cotización para Carlos Pérez con 1 galón de vinilo blanco',
      session_id: 'staff-2',
    });
    const answer = (await refused.json()) as { reply: string; records: unknown[] };
    expect(answer.records).toEqual([]);
    expect(answer.reply).toContain('do not allow create on sale.order');
  }, 30_000);

  it('answers ?async=1 with a tracking id whose job completes with the output', async () => {
    const response = await call('/odoo/demo/copilot?async=1', {
      user: { id: 2, name: 'Laura Admin' },
      message: 'hola',
    });
    expect(response.status).toBe(202);
    const { tracking_id } = (await response.json()) as { tracking_id: string };
    let job: { status: string; output?: { reply: string } } = { status: 'queued' };
    for (let i = 0; i < 200 && job.status !== 'completed' && job.status !== 'failed'; i++) {
      const polled = await fetch(`${app.url}/odoo/demo/copilot/jobs/${tracking_id}`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      job = (await polled.json()) as typeof job;
      if (job.status !== 'completed') await new Promise((r) => setTimeout(r, 25));
    }
    expect(job.status).toBe('completed');
    expect(job.output?.reply.length).toBeGreaterThan(0);
  }, 30_000);

  it('a product event drops the cached product and re-syncs its point in the products collection', async () => {
    const demo = tenantId('demo');
    const cache = cacheFor(app.runtime.cacheStore, demo);
    // Cache the product as the agents' reads do, tagged with its record.
    await cache.getOrLoad('odoo_product', ['e2e', 2], async () => ({ price: 1 }), {
      tags: [{ model: 'product.product', id: 2 }],
    });
    expect(await cache.getOrLoad('odoo_product', ['e2e', 2], async () => ({ price: 2 }))).toEqual({
      price: 1,
    });
    await odoo.write('product.product', [2], { name: 'Vinilo Tipo 1 Blanco Galón Edición Pintor' });

    const body = JSON.stringify({ model: 'product.product', ids: [2], operation: 'write' });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${app.url}/odoo/demo/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-crew-timestamp': timestamp,
        'x-crew-signature': signChatwootBody(SIGNING, timestamp, body),
      },
    });
    const outcome = (await response.json()) as {
      cache: { invalidated: number };
      products: { synced: number[] };
    };
    expect(response.status).toBe(202);
    expect(outcome.cache.invalidated).toBeGreaterThanOrEqual(1);
    expect(outcome.products.synced).toEqual([2]);
    // The next read loads again (a miss), so it sees Odoo's new value.
    const misses = () => cache.stats().find((s) => s.kind === 'odoo_product')?.misses ?? 0;
    const before = misses();
    expect(await cache.getOrLoad('odoo_product', ['e2e', 2], async () => ({ price: 123_456 }))).toEqual({
      price: 123_456,
    });
    expect(misses()).toBe(before + 1);
    const points = await app.runtime.knowledge!.store.listPoints(demo, 'products');
    const point = points.find((p) => p.source === 'odoo:product.product/2');
    expect(point?.text).toContain('Edición Pintor');
  }, 30_000);

  it('takes the batch the Odoo module sends ({events: [...]}), applies each event in order and answers per event', async () => {
    const body = JSON.stringify({
      events: [
        { model: 'product.product', ids: [2], operation: 'write' },
        { model: 'res.partner', ids: [10], operation: 'write' },
      ],
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${app.url}/odoo/demo/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-crew-timestamp': timestamp,
        'x-crew-signature': signChatwootBody(SIGNING, timestamp, body),
      },
    });
    const outcome = (await response.json()) as {
      results: Array<{ model: string; products?: { synced: number[] } }>;
    };
    expect(response.status).toBe(202);
    expect(outcome.results.map((r) => r.model)).toEqual(['product.product', 'res.partner']);
    expect(outcome.results[0]?.products?.synced).toEqual([2]);
    // A bad event in a batch names its path, and nothing of the batch is applied.
    const bad = await call('/odoo/demo/events', {
      events: [{ model: 'product.product', ids: [], operation: 'write' }],
    });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { details: { problems: Array<{ path: string }> } } }).error.details
        .problems[0]?.path,
    ).toBe('events.0.ids');
  }, 30_000);

  it('accepts the user identity the Odoo module sends (language, company, permissions, groups)', async () => {
    const response = await call('/odoo/demo/copilot', {
      user: {
        id: 2,
        name: 'Laura Admin',
        login: 'admin',
        lang: 'es_CO',
        company: { id: 1, name: 'Pinturas El Arcoíris' },
        permissions: { 'sale.order': ['read', 'create', 'write'], 'res.partner': ['read'] },
        groups: ['base.group_user', 'sales_team.group_sale_salesman'],
      },
      message: 'hola',
      context: { model: 'res.partner', id: 10 },
    });
    expect(response.status).toBe(200);
    const invalid = await call('/odoo/demo/copilot', {
      user: { id: 2, name: 'X', lang: 'spanish', permissions: { 'sale.order': ['approve'] } },
      message: 'hola',
    });
    expect(invalid.status).toBe(400);
    const problems = (
      (await invalid.json()) as { error: { details: { problems: Array<{ path: string }> } } }
    ).error.details.problems.map((p) => p.path);
    expect(problems).toEqual(expect.arrayContaining(['user.lang', 'user.permissions.sale.order.0']));
  }, 30_000);

  it('refuses a stale signature and a wrong key with 401, touching nothing', async () => {
    const body = JSON.stringify({ model: 'product.product', ids: [2], operation: 'write' });
    const old = String(Math.floor(Date.now() / 1000) - 600);
    const stale = await fetch(`${app.url}/odoo/demo/events`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-crew-timestamp': old,
        'x-crew-signature': signChatwootBody(SIGNING, old, body),
      },
    });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('SIGNATURE_STALE');
    const wrong = await call('/odoo/demo/events', JSON.parse(body), {
      authorization: 'Bearer not-the-key-000',
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('AUTH_INVALID');
  });

  it("tenant B's key cannot read, change or trigger anything of tenant A, and the admin API needs the operator key", async () => {
    const asOther = { authorization: `Bearer ${OTHER_KEY}` };
    const copilot = await call(
      '/odoo/demo/copilot',
      { user: { id: 2, name: 'X' }, message: 'hola' },
      asOther,
    );
    const events = await call(
      '/odoo/demo/events',
      { model: 'product.product', ids: [2], operation: 'write' },
      asOther,
    );
    const job = await fetch(`${app.url}/odoo/demo/copilot/jobs/anything`, { headers: asOther });
    expect([copilot.status, events.status, job.status]).toEqual([401, 401, 401]);
    // Its own key works on its own tenant (which has no Odoo, so events only touch its cache).
    const own = await call(
      '/odoo/otra/events',
      { model: 'res.partner', ids: [10], operation: 'write' },
      asOther,
    );
    expect(own.status).toBe(202);
    // A job id of tenant A is not found through tenant B.
    const started = await call('/odoo/demo/copilot?async=1', { user: { id: 2, name: 'X' }, message: 'hola' });
    const { tracking_id } = (await started.json()) as { tracking_id: string };
    expect(
      (await fetch(`${app.url}/odoo/otra/copilot/jobs/${tracking_id}`, { headers: asOther })).status,
    ).toBe(404);
    // Admin endpoints: the Odoo key is no operator key; secrets never come back.
    const admin = (path: string, key: string, init: RequestInit = {}) =>
      fetch(`${app.url}/admin/tenants${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      });
    expect((await admin('/demo', OTHER_KEY)).status).toBe(401);
    expect(
      (
        await admin('/demo/write-tools', OTHER_KEY, {
          method: 'PUT',
          body: JSON.stringify({ enabled: false }),
        })
      ).status,
    ).toBe(401);
    const view = await admin('/demo', 'operator-key-e2e');
    const text = await view.text();
    expect(view.status).toBe(200);
    expect(text).not.toContain(KEY);
    expect(JSON.parse(text)).toMatchObject({
      odooApi: { apiKeySet: true, signingSecretSet: true },
      odoo: { apiKeySet: true, writeToolsEnabled: true },
    });
    const bad = await admin('/demo/specialists', 'operator-key-e2e', {
      method: 'PUT',
      body: JSON.stringify({ specialists: ['cook'] }),
    });
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { error: { details: { problems: Array<{ path: string }> } } }).error.details
        .problems[0]?.path,
    ).toBe('specialists.0');
    await app.runtime.tenants.refresh();
  }, 30_000);
});
