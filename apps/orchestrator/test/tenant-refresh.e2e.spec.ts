import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import type { AgentSpecialistRegistry } from '@mcp-crew/agents';
import { eventually, startApp, writeTenantsFile, sendText } from './support.js';

/**
 * A tenant's Odoo connection changed through the admin API is used by the very next turn, without a restart:
 * the tenant snapshot announces the change, the tenant's agents and MCP-Odoo connection are dropped, and the
 * next turn connects to the new Odoo (two sandboxes stand for the old and the new one).
 */
describe('tenant connection caches follow the tenant’s configuration', () => {
  let chatwoot: FakeChatwoot;
  let before: OdooSandbox;
  let after: OdooSandbox;
  let app: Awaited<ReturnType<typeof startApp>>;
  let nextId = 99_000;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    [before, after] = await Promise.all([startOdooSandbox({ port: 0 }), startOdooSandbox({ port: 0 })]);
    const odoo = `    odoo: {url: "${before.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc}\n`;
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url, odoo),
      env: {
        TENANT_STORE: 'embedded',
        CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPERATOR_API_KEY: 'operator-key-e2e',
      },
    });
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await Promise.all([before.close(), after.close(), chatwoot.close()]);
  });

  const say = (content: string) => sendText(app.url, ++nextId, content);
  const replies = () =>
    chatwoot.requests.filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/api/v1/accounts/3/conversations/1532/messages' &&
        (r.body as { private?: boolean }).private === false,
    );
  const putOdoo = (body: unknown) =>
    fetch(`${app.url}/admin/tenants/demo/odoo`, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: 'Bearer operator-key-e2e' },
    });

  it('sends the next turn to the new Odoo after PUT /admin/tenants/demo/odoo, and leaves the old one', async () => {
    expect((await say('¿Tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => replies().length >= 1, 20_000);
    expect(before.stats().total).toBeGreaterThan(0);
    expect(after.stats().total).toBe(0);
    const registry = app.runtime.specialists as AgentSpecialistRegistry;
    const demoAgents = () => Object.keys(registry.mastra.listAgents()).filter((id) => id.startsWith('demo-'));
    expect(demoAgents().length).toBeGreaterThan(0);

    const changed = await putOdoo({ url: after.url, apiKey: after.apiKey });
    expect(changed.status).toBe(200);
    before.resetStats();
    // Dropped at the change, not at the tenant's next turn: the old agents and their Odoo connection are gone.
    expect(demoAgents()).toEqual([]);

    // The same question: its cached Odoo reads came from the old Odoo and were dropped with the change.
    expect((await say('¿Tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => replies().length >= 2, 20_000);
    // The new Odoo was logged in to and asked for the product; the old one heard nothing more from this tenant.
    expect(after.stats().calls['common']?.['authenticate']).toBe(1);
    expect(after.stats().calls['product.product']?.['search_read']).toBeGreaterThan(0);
    expect(before.stats().total).toBe(0);
  }, 60_000);
});

/**
 * Two replicas over one tenant store (the embedded store's files, as MongoDB would be shared): the change is
 * made through one replica's admin API, and the other replica's next turn, once its snapshot poll has seen
 * the change, goes to the new Odoo.
 */
describe('a tenant change made through another replica', () => {
  let chatwoot: FakeChatwoot;
  let before: OdooSandbox;
  let after: OdooSandbox;
  let writer: Awaited<ReturnType<typeof startApp>>;
  let reader: Awaited<ReturnType<typeof startApp>>;
  let nextId = 99_500;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    [before, after] = await Promise.all([startOdooSandbox({ port: 0 }), startOdooSandbox({ port: 0 })]);
    const odoo = `    odoo: {url: "${before.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc}\n`;
    const tenantsFile = writeTenantsFile(chatwoot.url, odoo);
    const env = {
      TENANT_STORE: 'embedded',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mcp-crew-shared-')),
      CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      OPERATOR_API_KEY: 'operator-key-e2e',
    };
    writer = await startApp({ tenantsFile, env });
    reader = await startApp({ tenantsFile, env });
  }, 60_000);
  afterEach(async () => {
    await reader.close();
    await writer.close();
    await Promise.all([before.close(), after.close(), chatwoot.close()]);
  });

  it('moves the other replica’s next turn to the new Odoo within its snapshot poll', async () => {
    const say = (content: string) => sendText(reader.url, ++nextId, content);
    const replies = () =>
      chatwoot.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/conversations/1532/messages'));
    expect((await say('¿Tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => replies().length >= 1, 20_000);
    expect(before.stats().total).toBeGreaterThan(0);

    const changed = await fetch(`${writer.url}/admin/tenants/demo/odoo`, {
      method: 'PUT',
      body: JSON.stringify({ url: after.url }),
      headers: { 'content-type': 'application/json', authorization: 'Bearer operator-key-e2e' },
    });
    expect(changed.status).toBe(200);
    // The reader learns of it from its poll (every 5 s), not from the writer.
    await eventually(() => reader.runtime.tenants.peek('demo')?.odoo?.url === after.url, 15_000);
    before.resetStats();

    expect((await say('¿Tienen esmalte blanco?')).status).toBe(200);
    await eventually(() => replies().length >= 2, 20_000);
    expect(after.stats().calls['product.product']?.['search_read']).toBeGreaterThan(0);
    expect(before.stats().total).toBe(0);
  }, 60_000);
});
