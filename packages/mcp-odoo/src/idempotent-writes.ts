import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { tenantId as asTenantId, type IdempotencyStore } from '@mcp-crew/core';
import { IDEMPOTENCY_META_KEY, toolSuccess } from '@mcp-crew/mcp-kit';
import { describeOrder, readOrder } from './tools/orders.js';
import type { ToolContext } from './tools/tool.js';

/** Quotations carry their key in `origin` (Source Document), so a write whose record was lost can be found in Odoo. */
export const ORDER_KEY_PREFIX = 'mcp-crew:';

const CURRENT_KEY = new AsyncLocalStorage<string>();

/** The idempotency key of the write being run (for tools that store it in Odoo). */
export function currentWriteKey(): string | undefined {
  return CURRENT_KEY.getStore();
}

export function idempotencyKeyOf(meta: Record<string, unknown>): string | undefined {
  const key = meta[IDEMPOTENCY_META_KEY];
  return typeof key === 'string' && key.length > 0 && key.length <= 300 ? key : undefined;
}

/**
 * Runs a write at most once per idempotency key. The result is recorded under the key before it is
 * returned, and a call with a recorded key gets the recorded result without writing. A quotation that Odoo
 * holds but the store does not (the process died between the write and the record) is found by its key
 * in Odoo and recorded then. The write always runs to its end, even if the caller stopped waiting: a late
 * write is recorded, not repeated.
 */
export async function runIdempotent(
  ctx: ToolContext,
  store: IdempotencyStore,
  toolName: string,
  key: string,
  run: () => Promise<CallToolResult>,
): Promise<{ outcome: CallToolResult; replayed: boolean }> {
  const tenant = asTenantId(ctx.tenantId);
  const recorded = (await store.get(tenant, key)) as CallToolResult | undefined;
  if (recorded) return { outcome: recorded, replayed: true };
  if (toolName === 'odoo_create_quotation') {
    const found = await findOrderByKey(ctx, key);
    if (found) {
      await store.put(tenant, key, found);
      return { outcome: found, replayed: true };
    }
  }
  const outcome = await CURRENT_KEY.run(key, run);
  if (!outcome.isError) await store.put(tenant, key, outcome);
  return { outcome, replayed: false };
}

async function findOrderByKey(ctx: ToolContext, key: string): Promise<CallToolResult | undefined> {
  const [row] = await ctx.api.searchRead('sale.order', [['origin', '=', `${ORDER_KEY_PREFIX}${key}`]], {
    fields: ['id'],
    limit: 1,
    order: 'id asc',
  });
  if (!row) return undefined;
  const order = await readOrder(ctx, row.id);
  return toolSuccess(`Created ${describeOrder(order)}`, order as unknown as Record<string, unknown>);
}
