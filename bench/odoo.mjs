// MCP-Odoo benchmark: Odoo calls and wall time for the sales path, through the MCP tools (an in-process
// MCP client), against the Odoo SANDBOX with 50 ms of simulated latency per call. Run after
// `node scripts/build.mjs` (packages resolve to their dist/). A naive baseline (one create per line)
// is printed beside it. Target: a quotation of any size in at most 4 Odoo calls, under 0.3 s.
import { performance } from 'node:perf_hooks';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import { buildOdooMcpServer, DEFAULT_ODOO_TOOL_SETTINGS, MemoryWriteAudit } from '@mcp-crew/mcp-odoo';
import { OdooClient } from '@mcp-crew/odoo-client';
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';

const LATENCY_MS = Number(process.env.BENCH_ODOO_LATENCY_MS ?? 50);
const SIZES = [1, 5, 20];
const CUSTOMER = 'Ana Gómez';

const sandbox = await startOdooSandbox({ port: 0, latencyMs: LATENCY_MS });
const odoo = new OdooClient({
  url: sandbox.url,
  db: sandbox.db,
  user: sandbox.login,
  apiKey: sandbox.apiKey,
  protocol: 'jsonrpc',
  tenant: 'bench',
});
const server = buildOdooMcpServer({
  api: odoo,
  tenantId: 'bench',
  audit: new MemoryWriteAudit(),
  settings: { ...DEFAULT_ODOO_TOOL_SETTINGS, allowWrites: true, baseUrl: sandbox.url },
});
const mcp = await connectInProcess(server);

async function tool(name, args) {
  const result = await mcp.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${result.content?.[0]?.text}`);
  return result.structuredContent;
}

/** Runs `fn` and returns its result with the Odoo calls it made (client count) and its wall time. */
async function measure(fn) {
  odoo.resetStats();
  sandbox.resetStats();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  const { calls, byMethod } = odoo.stats();
  // The sandbox counts what it served: the two counts must agree, or the client hides calls.
  if (sandbox.stats().total !== calls)
    throw new Error(`client counted ${calls} calls, the sandbox served ${sandbox.stats().total}`);
  return { value, calls, ms, byMethod };
}

// Products that are in stock, to fill quotations of up to 20 lines.
const productIds = await odoo.search(
  'product.product',
  [
    ['sale_ok', '=', true],
    ['qty_available', '>', 0],
  ],
  { limit: 50, order: 'id' },
);
if (productIds.length < Math.max(...SIZES)) throw new Error(`only ${productIds.length} products in stock`);
const linesOf = (n) => productIds.slice(0, n).map((product_id, i) => ({ product_id, quantity: 1 + (i % 3) }));

// Warm-up: authentication and every fields_get the tools ask are cached per client, as they are for a
// tenant's long-lived client in production. The figures below are with that cache warm.
const warm = await tool('odoo_create_quotation', { customer_id: 5, lines: linesOf(1) });
await tool('odoo_find_customers', { query: CUSTOMER });
await tool('odoo_search_products', { query: 'vinilo blanco', customer_id: 10 });
await tool('odoo_confirm_quotation', { order_id: warm.order_id });

const rows = [];
const row = (label, m, naive) =>
  rows.push({
    label,
    calls: m.calls,
    ms: m.ms,
    naiveCalls: naive?.calls,
    naiveMs: naive?.ms,
    byMethod: m.byMethod,
  });

/** The baseline: the order, then one `sale.order.line` create per line, then read order and lines. */
async function naiveQuotation(customerId, lines) {
  const orderId = await odoo.create('sale.order', { partner_id: customerId });
  for (const l of lines)
    await odoo.create('sale.order.line', {
      order_id: orderId,
      product_id: l.product_id,
      product_uom_qty: l.quantity,
    });
  await odoo.read('sale.order', [orderId], ['name', 'amount_untaxed', 'amount_tax', 'amount_total', 'state']);
  await odoo.searchRead('sale.order.line', [['order_id', '=', orderId]], {
    fields: ['product_id', 'product_uom_qty', 'price_unit', 'price_subtotal', 'price_total'],
  });
  return orderId;
}
async function naiveFind() {
  const [partner] = await odoo.searchRead('res.partner', [['name', 'ilike', CUSTOMER]], {
    fields: ['name'],
    limit: 1,
  });
  return partner.id;
}

const orders = [];
for (const n of SIZES) {
  const lines = linesOf(n);
  const quote = await measure(() => tool('odoo_create_quotation', { customer_id: 5, lines }));
  const naiveQuote = await measure(() => naiveQuotation(5, lines));
  row(`create quotation, ${n} line(s)`, quote, naiveQuote);
  const both = await measure(async () => {
    const { customers } = await tool('odoo_find_customers', { query: CUSTOMER });
    return tool('odoo_create_quotation', { customer_id: customers[0].id, lines });
  });
  const naiveBoth = await measure(async () => naiveQuotation(await naiveFind(), lines));
  row(`find customer + quotation, ${n} line(s)`, both, naiveBoth);
  orders.push(both.value);
  if (both.value.lines.length !== n || quote.value.lines.length !== n)
    throw new Error('a quotation lost lines');
}

const search = await measure(() => tool('odoo_search_products', { query: 'vinilo blanco', customer_id: 10 }));
const naiveSearch = await measure(async () => {
  // One call per product for its price and stock, as the seeds did.
  const found = await odoo.search('product.product', [
    ['name', 'ilike', 'vinilo'],
    ['name', 'ilike', 'blanco'],
  ]);
  for (const id of found)
    await odoo.read('product.product', [id], ['name', 'list_price', 'qty_available', 'virtual_available']);
  return found;
});
row('search products (customer pricelist, stock)', search, naiveSearch);

const confirm = await measure(() => tool('odoo_confirm_quotation', { order_id: orders[0].order_id }));
const naiveOrder = await naiveQuotation(5, linesOf(1));
const naiveConfirm = await measure(async () => {
  await odoo.read('sale.order', [naiveOrder], ['state']);
  await odoo.call('sale.order', 'action_confirm', [[naiveOrder]]);
  await odoo.read('sale.order', [naiveOrder], ['name', 'state', 'amount_total']);
  await odoo.searchRead('sale.order.line', [['order_id', '=', naiveOrder]], {
    fields: ['product_id', 'product_uom_qty', 'price_total'],
  });
});
row('confirm quotation', confirm, naiveConfirm);

await mcp.close();
await sandbox.close();

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(
  `Odoo SANDBOX, ${LATENCY_MS} ms per call; authentication and fields_get cached (warmed up first).`,
);
console.log(
  "Odoo calls = HTTP requests the client sent (client.stats(), checked against the sandbox's count); naive = one create per line.\n",
);
console.log(
  `${pad('operation', 44)}${lpad('MCP-Odoo calls', 15)}${lpad('time', 10)}${lpad('naive calls', 13)}${lpad('naive time', 12)}`,
);
for (const r of rows) {
  const naiveTime = r.naiveMs === undefined ? '' : `${(r.naiveMs / 1000).toFixed(2)} s`;
  console.log(
    `${pad(r.label, 44)}${lpad(r.calls, 15)}${lpad(`${(r.ms / 1000).toFixed(2)} s`, 10)}${lpad(r.naiveCalls ?? '', 13)}${lpad(naiveTime, 12)}`,
  );
}
console.log('\nCalls per operation (MCP-Odoo):');
for (const r of rows)
  console.log(
    `  ${pad(r.label, 44)}${Object.entries(r.byMethod)
      .map(([k, v]) => `${k}×${v}`)
      .join(', ')}`,
  );

const quotes = rows.filter((r) => r.label.startsWith('create quotation'));
const worst = quotes.reduce((a, b) => (b.ms > a.ms ? b : a));
const maxCalls = Math.max(...quotes.map((r) => r.calls));
const met = maxCalls <= 4 && worst.ms < 300;
console.log(
  `\nTarget (quotation of any size in <= 4 calls, < 0.3 s): ${met ? 'MET' : 'NOT MET'} — at most ${maxCalls} calls, slowest ${(worst.ms / 1000).toFixed(2)} s.`,
);
