import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { z } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { CrewError, type IdempotencyStore } from '@mcp-crew/core';
import { registerMcpTools, toolFailure } from '@mcp-crew/mcp-kit';
import type { OdooApi } from './odoo/odoo-api.js';
import { OdooSchema } from './odoo/odoo-schema.js';
import { findFreeSlots, bookAppointment } from './tools/calendar.js';
import { createLead } from './tools/crm.js';
import { findCustomers, getCustomer, upsertCustomer } from './tools/customers.js';
import { genericSearchRead } from './tools/generic.js';
import { checkStock, getProduct, searchProducts } from './tools/products.js';
import {
  cancelQuotation,
  confirmQuotation,
  createQuotation,
  getOrder,
  listCustomerOrders,
  orderStatus,
  updateQuotationLines,
} from './tools/sales.js';
import { openTicket, ticketStatus } from './tools/support.js';
import { odooToolAnnotations } from './tools/annotations.js';
import type { OdooTool, OdooToolSettings, ToolContext } from './tools/tool.js';
import type { WriteAudit } from './write-audit.js';
import { idempotencyKeyOf, runIdempotent } from './idempotent-writes.js';

// The tools with their literal names and schemas, for the types below.
const DEFINED = [
  findCustomers,
  getCustomer,
  upsertCustomer,
  searchProducts,
  getProduct,
  checkStock,
  createQuotation,
  updateQuotationLines,
  getOrder,
  confirmQuotation,
  cancelQuotation,
  listCustomerOrders,
  orderStatus,
  createLead,
  findFreeSlots,
  bookAppointment,
  openTicket,
  ticketStatus,
  genericSearchRead,
] as const;

/** Every MCP-Odoo tool, in the order a client lists them. */
export const ODOO_TOOLS: readonly OdooTool[] = DEFINED as unknown as OdooTool[];

/** The name of an MCP-Odoo tool. */
export type OdooToolName = (typeof DEFINED)[number]['name'];

/** Every MCP-Odoo tool name, in the order a client lists them. */
export const ODOO_TOOL_NAMES: readonly OdooToolName[] = DEFINED.map((tool) => tool.name);

/** The tools that change Odoo, destructive ones included (listed only when writes are allowed; each audited and keyed). */
export const ODOO_WRITE_TOOL_NAMES: readonly OdooToolName[] = DEFINED.filter(
  (tool) => tool.kind !== 'read',
).map((tool) => tool.name);

/** What a tool returns as its structured result (`structuredContent`), inferred from its zod output schema. */
export type OdooToolOutput<N extends OdooToolName> = z.infer<
  z.ZodObject<Extract<(typeof DEFINED)[number], { name: N }>['output']>
>;

/** The arguments a tool accepts, inferred from its zod input schema. */
export type OdooToolInput<N extends OdooToolName> = z.input<
  z.ZodObject<Extract<(typeof DEFINED)[number], { name: N }>['input']>
>;

export interface OdooServerOptions {
  api: OdooApi;
  tenantId: string;
  settings: OdooToolSettings;
  audit: WriteAudit;
  /** Shares fields_get answers across servers built for the same Odoo (stateless HTTP builds one per request). */
  schema?: OdooSchema;
  /**
   * Where write results are recorded under the caller's idempotency key (`_meta['mcp-crew/idempotency-key']`).
   * Without it (or without a key) a write runs every time it is called.
   */
  idempotency?: IdempotencyStore;
  /** Wall clock for audit durations (tests). */
  now?: () => number;
}

/**
 * Builds MCP-Odoo for one tenant's Odoo. Write tools are listed only when the tenant enabled writes (a
 * client never sees what it may not use); the guard still refuses them should settings change underneath,
 * and every write attempt is recorded through the audit port. Tool failures come back as `isError` results that
 * carry the error code, so a model can read what went wrong.
 */
export function buildOdooMcpServer(options: OdooServerOptions): McpServer {
  const server = new McpServer({ name: 'mcp-odoo', version: '0.1.0' });
  const ctx: ToolContext = {
    api: options.api,
    schema: options.schema ?? new OdooSchema(options.api),
    tenantId: options.tenantId,
    settings: options.settings,
    audit: options.audit,
  };
  const now = options.now ?? Date.now;
  const tools = options.settings.allowWrites ? ODOO_TOOLS : ODOO_TOOLS.filter((tool) => tool.kind === 'read');
  registerMcpTools(server, tools, ctx, {
    fallbackCode: 'ODOO_TOOL_FAILED',
    annotations: odooToolAnnotations,
    around: async (tool, args, run, meta) => {
      if (tool.kind === 'read') return run();
      if (!ctx.settings.allowWrites) {
        const refused = `writes to Odoo are disabled for tenant "${ctx.tenantId}"; ${tool.name} was not run`;
        return toolFailure(
          new CrewError('ODOO_WRITES_DISABLED', refused, { domain: 'odoo', category: 'user' }),
        );
      }
      const started = now();
      const key = idempotencyKeyOf(meta);
      const store = options.idempotency;
      if (key && store) {
        const { outcome, replayed } = await runIdempotent(ctx, store, tool.name, key, run);
        // A replay wrote nothing: it is not audited again.
        if (replayed) return outcome;
        await audit(tool.name, args, outcome, now() - started);
        return outcome;
      }
      const outcome = await run();
      await audit(tool.name, args, outcome, now() - started);
      return outcome;
    },
  });
  return server;

  async function audit(
    toolName: string,
    args: Record<string, unknown>,
    outcome: CallToolResult,
    durationMs: number,
  ): Promise<void> {
    const text = outcome.content[0]?.type === 'text' ? outcome.content[0].text : '';
    await ctx.audit.record({
      tenantId: ctx.tenantId,
      tool: toolName,
      arguments: args,
      ...(outcome.isError
        ? { outcome: 'error' as const, error: text }
        : { outcome: 'ok' as const, result: outcome.structuredContent }),
      durationMs,
      at: new Date().toISOString(),
    });
  }
}
