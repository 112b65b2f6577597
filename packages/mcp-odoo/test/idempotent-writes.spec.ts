import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tenantId } from '@mcp-crew/core';
import { connectInProcess, idempotencyMeta } from '@mcp-crew/mcp-kit';
import { OdooClient } from '@mcp-crew/odoo-client';
import { MemoryIdempotencyStore } from '@mcp-crew/state-memory';
import {
  buildOdooMcpServer,
  DEFAULT_ODOO_TOOL_SETTINGS,
  MemoryWriteAudit,
  ORDER_KEY_PREFIX,
} from '../src/index.js';
import { startOdooSandbox, TENANT, type OdooSandbox } from './stack.js';

// Writes carrying an idempotency key in `_meta` run once: on the sandbox over HTTP, with a real OdooClient.
let sandbox: OdooSandbox;
let odoo: OdooClient;

beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
  odoo = new OdooClient({
    url: sandbox.url,
    db: sandbox.db,
    user: sandbox.login,
    apiKey: sandbox.apiKey,
    tenant: TENANT,
    protocol: 'jsonrpc',
  });
});
afterAll(async () => {
  await sandbox?.close();
});

async function connect(store: MemoryIdempotencyStore) {
  const audit = new MemoryWriteAudit();
  const server = buildOdooMcpServer({
    api: odoo,
    tenantId: TENANT,
    audit,
    idempotency: store,
    settings: { ...DEFAULT_ODOO_TOOL_SETTINGS, allowWrites: true, baseUrl: sandbox.url },
  });
  return { client: await connectInProcess(server), audit };
}

async function someCustomerAndProduct(): Promise<{ customer: number; product: number }> {
  const [partner] = await odoo.searchRead('res.partner', [['customer_rank', '>', 0]], {
    fields: ['id'],
    limit: 1,
  });
  const [product] = await odoo.searchRead('product.product', [['sale_ok', '=', true]], {
    fields: ['id'],
    limit: 1,
  });
  return { customer: partner!.id, product: product!.id };
}

const ordersWithKey = (key: string) =>
  odoo.searchCount('sale.order', [['origin', '=', `${ORDER_KEY_PREFIX}${key}`]]);

describe('MCP-Odoo idempotent writes', () => {
  it('creates one quotation per key: a retried call gets the recorded result and writes nothing', async () => {
    const { client, audit } = await connect(new MemoryIdempotencyStore());
    const { customer, product } = await someCustomerAndProduct();
    const key = `demo:1532:48211:odoo_create_quotation:1:${Date.now()}`;
    const args = { customer_id: customer, lines: [{ product_id: product, quantity: 2 }] };
    const first = (await client.callTool({
      name: 'odoo_create_quotation',
      arguments: args,
      _meta: idempotencyMeta(key),
    })) as CallToolResult;
    const again = (await client.callTool({
      name: 'odoo_create_quotation',
      arguments: args,
      _meta: idempotencyMeta(key),
    })) as CallToolResult;
    expect(first.isError).toBeFalsy();
    expect(again.structuredContent).toEqual(first.structuredContent);
    expect(await ordersWithKey(key)).toBe(1);
    expect(audit.entries).toHaveLength(1);
    await client.close();
  });

  it('finds the quotation in Odoo by its key when the process died between the write and the record', async () => {
    const { customer, product } = await someCustomerAndProduct();
    const key = `demo:1533:48300:odoo_create_quotation:1:${Date.now()}`;
    const args = { customer_id: customer, lines: [{ product_id: product, quantity: 1 }] };
    const before = await connect(new MemoryIdempotencyStore());
    const first = (await before.client.callTool({
      name: 'odoo_create_quotation',
      arguments: args,
      _meta: idempotencyMeta(key),
    })) as CallToolResult;
    await before.client.close();
    // A new process: its store never saw the record (lost with the crash), Odoo holds the quotation.
    const store = new MemoryIdempotencyStore();
    const after = await connect(store);
    const retried = (await after.client.callTool({
      name: 'odoo_create_quotation',
      arguments: args,
      _meta: idempotencyMeta(key),
    })) as CallToolResult;
    expect((retried.structuredContent as { order_id: number }).order_id).toBe(
      (first.structuredContent as { order_id: number }).order_id,
    );
    expect(await ordersWithKey(key)).toBe(1);
    expect(after.audit.entries).toHaveLength(0);
    expect(await store.get(tenantId(TENANT), key)).toBeDefined();
    await after.client.close();
  });

  it('writes every time without a key', async () => {
    const { client } = await connect(new MemoryIdempotencyStore());
    const { customer } = await someCustomerAndProduct();
    const lead = { title: `Pintura fachada ${Date.now()}`, customer_id: customer };
    const a = (await client.callTool({ name: 'odoo_create_lead', arguments: lead })) as CallToolResult;
    const b = (await client.callTool({ name: 'odoo_create_lead', arguments: lead })) as CallToolResult;
    expect(a.isError).toBeFalsy();
    expect((a.structuredContent as { lead_id: number }).lead_id).not.toBe(
      (b.structuredContent as { lead_id: number }).lead_id,
    );
    await client.close();
  });
});
