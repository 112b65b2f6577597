import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import type { OdooClient } from '@mcp-crew/odoo-client';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

/**
 * WhatsApp, end to end on the embedded defaults: a signed Chatwoot webhook → queue → the sales agent on the
 * offline engine → MCP-Odoo → the Odoo sandbox over HTTP → the replies recorded by a local Chatwoot.
 */
describe('WhatsApp crew with the offline engine and the Odoo sandbox', () => {
  let chatwoot: FakeChatwoot;
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let app: Awaited<ReturnType<typeof startApp>>;
  let messageId = 70_000;

  beforeAll(async () => {
    ({ sandbox, odoo } = await startSandboxWithClient());
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    const odooLine = `    odoo: {url: "${sandbox.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}\n`;
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url, odooLine) });
  });
  afterEach(async () => {
    await app.close();
    await chatwoot.close();
  });

  const say = (content: string) =>
    post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_incoming_text', (body) => {
        body['content'] = content;
        body['id'] = ++messageId;
        // Ana writes from the phone Odoo has for her: the channel identity links the conversation to her account.
        (body['conversation'] as { meta: { sender: Record<string, unknown> } }).meta.sender['phone_number'] =
          '+57 300 123 4567';
      }),
    );
  const replies = () =>
    chatwoot.requests
      .filter(
        (r) =>
          r.method === 'POST' &&
          r.path === '/api/v1/accounts/3/conversations/1532/messages' &&
          (r.body as { private?: boolean }).private === false,
      )
      .map((r) => String((r.body as { content: string }).content));

  it('creates a draft quotation with the requested lines, answers with its name and total, and confirms it on "sí"', async () => {
    expect((await say('Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos')).status).toBe(
      200,
    );
    const [summary] = await eventually(() => replies().length >= 1 && replies());
    const name = /\*(S\d{5})\*/.exec(summary!)?.[1];
    expect(name).toBeDefined();
    const [order] = await odoo.searchRead('sale.order', [['name', '=', name!]], {
      fields: ['state', 'amount_total', 'partner_id'],
    });
    expect(order).toMatchObject({ state: 'draft', partner_id: [5, expect.stringContaining('Ana Gómez')] });
    const lines = await odoo.searchRead('sale.order.line', [['order_id', '=', order!.id]], {
      fields: ['product_id', 'product_uom_qty'],
    });
    expect(lines.map((l) => [(l['product_id'] as [number, string])[1], l['product_uom_qty']])).toEqual([
      [expect.stringMatching(/Esmalte Sintético Blanco Galón$/), 2],
      [expect.stringMatching(/\] Rodillo /), 3],
    ]);
    // The total in the reply is Odoo's, formatted for Colombia.
    const total = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 }).format(
      order!['amount_total'] as number,
    );
    expect(summary).toContain(`Total: $${total}`);

    await say('sí, confírmala');
    const [, confirmation] = await eventually(() => replies().length >= 2 && replies());
    expect(confirmation).toContain(name);
    const [confirmed] = await odoo.read('sale.order', [order!.id], ['state']);
    expect(confirmed?.['state']).toBe('sale');
  });

  it('hands the conversation to a person on "quiero hablar con una persona"', async () => {
    await say('quiero hablar con una persona');
    await eventually(() =>
      chatwoot.requests.some((r) => r.path.endsWith('/conversations/1532/toggle_status')),
    );
    const note = chatwoot.requests.find(
      (r) =>
        r.path.endsWith('/conversations/1532/messages') && (r.body as { private?: boolean }).private === true,
    );
    expect(String((note?.body as { content: string }).content)).toContain('asked for a person');
    expect(chatwoot.requests.find((r) => r.path.endsWith('/toggle_status'))?.body).toEqual({
      status: 'open',
    });
  });
});
