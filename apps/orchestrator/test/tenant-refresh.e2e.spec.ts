import { randomBytes } from 'node:crypto';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import type { AgentSpecialistRegistry } from '@mcp-crew/agents';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

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

  const say = (content: string) =>
    post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_incoming_text', (body) => {
        body['id'] = ++nextId;
        body['content'] = content;
      }),
    );
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
