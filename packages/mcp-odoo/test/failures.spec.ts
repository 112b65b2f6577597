import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { call, connectStack, startOdooSandbox, type OdooSandbox } from './stack.js';

// What a caller sees when MCP-Odoo may not, cannot or is not allowed to act.
let sandbox: OdooSandbox;
beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const WRITES = ['create', 'write', 'unlink', 'action_confirm', 'action_cancel'];
function writesServed(): number {
  const { calls } = sandbox.stats();
  return Object.values(calls).reduce(
    (n, byMethod) => n + WRITES.reduce((m, w) => m + (byMethod[w] ?? 0), 0),
    0,
  );
}

/** A port on which nothing listens (an Odoo that is down). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('MCP-Odoo when writes are disabled', () => {
  it('lists no write tool, refuses every write call and writes nothing in Odoo, but still reads', async () => {
    const stack = await connectStack(sandbox, { settings: { allowWrites: false } });
    try {
      sandbox.resetStats();
      const { tools } = await stack.client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        'odoo_check_stock',
        'odoo_find_customers',
        'odoo_free_slots',
        'odoo_get_customer',
        'odoo_get_order',
        'odoo_get_product',
        'odoo_list_customer_orders',
        'odoo_order_status',
        'odoo_search_products',
        'odoo_search_read',
        'odoo_ticket_status',
      ]);
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
      const attempts: Array<[string, Record<string, unknown>]> = [
        ['odoo_create_quotation', { customer_id: 5, lines: [{ product_id: 2, quantity: 1 }] }],
        ['odoo_update_quotation_lines', { order_name: 'S00001', remove: [1] }],
        ['odoo_confirm_quotation', { order_name: 'S00001' }],
        ['odoo_cancel_quotation', { order_name: 'S00001' }],
        ['odoo_upsert_customer', { name: 'Cliente Nuevo' }],
        ['odoo_create_lead', { title: 'Cotizar pintura' }],
        ['odoo_book_appointment', { start_local: '2030-01-07 09:00', title: 'Visita', customer_id: 5 }],
        ['odoo_open_ticket', { subject: 'Reclamo', description: 'La pintura llegó abierta.' }],
      ];
      for (const [name, args] of attempts) {
        // A client that calls an unlisted tool anyway gets an error naming it (the SDK's answer for an unknown tool).
        const answer = await call(stack.client, name, args).catch((error: Error) => ({
          isError: true,
          text: error.message,
        }));
        expect(answer).toMatchObject({ isError: true, text: expect.stringContaining(name) });
      }
      expect(writesServed()).toBe(0);
      expect(stack.audit.entries).toEqual([]);
      const read = await call(stack.client, 'odoo_get_order', { order_name: 'S00001' });
      expect(read).toMatchObject({ isError: false, data: { state: 'draft' } });
    } finally {
      await stack.close();
    }
  });
});

describe('MCP-Odoo with a wrong API key', () => {
  it('answers ODOO_AUTH_FAILED, without the key in the message', async () => {
    const wrongKey = 'wrong-key-for-the-sandbox-123';
    const stack = await connectStack({ ...sandbox, apiKey: wrongKey });
    try {
      const answer = await call(stack.client, 'odoo_find_customers', { query: 'Ana' });
      expect(answer.isError).toBe(true);
      expect(answer.text).toMatch(/^ODOO_AUTH_FAILED: /);
      expect(answer.text).not.toContain(wrongKey);
    } finally {
      await stack.close();
    }
  });

  it('over JSON-2 too', async () => {
    const stack = await connectStack(
      { ...sandbox, apiKey: 'wrong-key-for-the-sandbox-123' },
      { client: { protocol: 'json2' } },
    );
    try {
      const answer = await call(stack.client, 'odoo_search_products', { query: 'vinilo' });
      expect(answer.text).toMatch(/^ODOO_(AUTH_FAILED|ACCESS_DENIED): /);
    } finally {
      await stack.close();
    }
  });
});

describe('MCP-Odoo when Odoo is down', () => {
  let silent: Server;
  beforeAll(async () => {
    // Accepts connections and never answers: an Odoo stuck behind its proxy.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it("answers ODOO_UNAVAILABLE when nothing listens (after the client's quick retries)", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const stack = await connectStack(
      { ...sandbox, url },
      { client: { timeoutMs: 500, retries: 1, retryBaseDelayMs: 10 } },
    );
    try {
      const read = await call(stack.client, 'odoo_search_products', { query: 'vinilo' });
      expect(read).toMatchObject({ isError: true, text: expect.stringMatching(/^ODOO_UNAVAILABLE: /) });
      const write = await call(stack.client, 'odoo_create_lead', { title: 'Cotizar pintura' });
      expect(write.text).toMatch(/^ODOO_UNAVAILABLE: /);
      expect(stack.audit.entries).toEqual([
        expect.objectContaining({
          tool: 'odoo_create_lead',
          outcome: 'error',
          error: expect.stringMatching(/^ODOO_UNAVAILABLE/),
        }),
      ]);
    } finally {
      await stack.close();
    }
  });

  it('answers ODOO_UNAVAILABLE when Odoo does not answer within the timeout', async () => {
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const stack = await connectStack({ ...sandbox, url }, { client: { timeoutMs: 300, retries: 0 } });
    try {
      const answer = await call(stack.client, 'odoo_find_customers', { query: 'Ana' });
      expect(answer).toMatchObject({ isError: true, text: expect.stringMatching(/^ODOO_UNAVAILABLE: /) });
    } finally {
      await stack.close();
    }
  });
});
