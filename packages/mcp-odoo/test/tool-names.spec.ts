import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { untypedToolParameters } from '@mcp-crew/testing';
import { ODOO_TOOL_NAMES, type OdooToolName, type OdooToolOutput } from '../src/index.js';
import { connectStack, startOdooSandbox, type OdooMcpStack, type OdooSandbox } from './stack.js';

let sandbox: OdooSandbox;
let stack: OdooMcpStack;

beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
  stack = await connectStack(sandbox);
});
afterAll(async () => {
  await stack?.close();
  await sandbox?.close();
});

describe('MCP-Odoo tool names and output types', () => {
  it('exports exactly the names the server lists, in order', async () => {
    const { tools } = await stack.client.listTools();
    expect(ODOO_TOOL_NAMES).toEqual(tools.map((t) => t.name));
  });

  it('advertises every parameter of every tool with what it accepts', async () => {
    const { tools } = await stack.client.listTools();
    expect(untypedToolParameters(tools)).toEqual([]);
    // The parameter Mastra's zod conversion once advertised as an empty object.
    const lead = tools.find((t) => t.name === 'odoo_create_lead')!;
    expect((lead.inputSchema.properties as Record<string, { type?: unknown }>)['email']?.type).toBe('string');
  });

  it("types a tool's structured result from its output schema", async () => {
    const name: OdooToolName = 'odoo_create_quotation';
    const answer = await stack.client.callTool({
      name,
      arguments: { customer_id: 5, lines: [{ product_id: 1, quantity: 1 }] },
    });
    const order = answer.structuredContent as OdooToolOutput<'odoo_create_quotation'>;
    // Compile-time: these fields exist with these types; run-time: the server returned them.
    const id: number = order.order_id;
    const reference: string = order.name;
    expect(id).toBeGreaterThan(0);
    expect(reference).toMatch(/^S\d{5}$/);
  });
});
