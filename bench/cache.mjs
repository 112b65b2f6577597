// Cache benchmark: a replay of 200 customer questions (search products by text, get a product, check stock,
// find a customer; popular ones repeat, as real traffic does) through the MCP-Odoo tools against the Odoo
// SANDBOX at 20 ms per call, three times: no cache, CachedOdooApi over the in-process LRU, and over Redis
// (127.0.0.1:6379, a unique key prefix deleted afterwards; skipped visibly when Redis is not there).
// Run after `node scripts/build.mjs` (packages resolve to their dist/). Reads only: stock TTL (1 min) and
// order-driven invalidation lower the stock hit ratio in production; see docs/knowledge.md.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import { RedisCacheStore } from '@mcp-crew/cache-redis';
import { cacheFor, tenantId } from '@mcp-crew/core';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import {
  buildOdooMcpServer,
  CachedOdooApi,
  DEFAULT_ODOO_TOOL_SETTINGS,
  MemoryWriteAudit,
  OdooSchema,
} from '@mcp-crew/mcp-odoo';
import { OdooClient } from '@mcp-crew/odoo-client';
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';

const LATENCY_MS = Number(process.env.BENCH_ODOO_LATENCY_MS ?? 20);
const REQUESTS = Number(process.env.BENCH_CACHE_REQUESTS ?? 200);
const REDIS_URL = 'redis://127.0.0.1:6379';
const TENANT = tenantId('bench');

const sandbox = await startOdooSandbox({ port: 0, latencyMs: LATENCY_MS });
const odoo = new OdooClient({
  url: sandbox.url,
  db: sandbox.db,
  user: sandbox.login,
  apiKey: sandbox.apiKey,
  protocol: 'jsonrpc',
  tenant: TENANT,
});
// fields_get answers are kept per client for its whole life (OdooSchema): warm in every mode, as in production.
const schema = new OdooSchema(odoo);

// --- the workload: deterministic, Zipf-like popularity (a few products and phrases get most questions) ---
let seed = 20260105;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const zipf = (items) => {
  const weights = items.map((_, i) => 1 / (i + 1) ** 1.1);
  let r = random() * weights.reduce((a, b) => a + b, 0);
  return items[weights.findIndex((w) => (r -= w) < 0)] ?? items[0];
};
const PHRASES = [
  'vinilo blanco',
  'esmalte negro',
  'brocha',
  'rodillo',
  'vinilo tipo 1 galon',
  'anticorrosivo gris',
  'thinner',
  'impermeabilizante',
  'lija 220',
  'cinta enmascarar',
  'laca',
  'sellador',
  'esmalte blanco',
  'vinilo gris cunete',
  'varsol',
  'imprimante muros',
  'bandeja',
  'vinilo rojo',
];
const products = await odoo.search('product.product', [['sale_ok', '=', true]], { order: 'id' });
const popularProducts = [...products].sort((a, b) => ((a * 7919) % 53) - ((b * 7919) % 53)); // a fixed shuffle
const partners = await odoo.searchRead('res.partner', [['customer_rank', '>', 0]], {
  fields: ['name', 'email', 'phone'],
  limit: 15,
  order: 'id',
});
const customerIds = partners.map((p) => p.id);
const lookups = partners.flatMap((p) =>
  [p.name, p.email, p.phone].filter((v) => typeof v === 'string' && v.length > 2),
);

const workload = Array.from({ length: REQUESTS }, () => {
  const r = random();
  const customer = random() < 0.4 ? { customer_id: zipf(customerIds) } : {};
  if (r < 0.4)
    return {
      kind: 'search products',
      tool: 'odoo_search_products',
      args: { query: zipf(PHRASES), ...customer },
    };
  if (r < 0.65)
    return {
      kind: 'get product',
      tool: 'odoo_get_product',
      args: { product_id: zipf(popularProducts), ...customer },
    };
  if (r < 0.85)
    return {
      kind: 'check stock',
      tool: 'odoo_check_stock',
      args: { product_id: zipf(popularProducts), quantity: 1 + Math.floor(random() * 5) },
    };
  return { kind: 'find customer', tool: 'odoo_find_customers', args: { query: zipf(lookups) } };
});
const KINDS = [...new Set(workload.map((w) => w.kind))];

/** Replays the workload through MCP-Odoo built over `api`; returns the answers and the cost per request kind. */
async function replay(api) {
  const mcp = await connectInProcess(
    buildOdooMcpServer({
      api,
      schema,
      tenantId: TENANT,
      audit: new MemoryWriteAudit(),
      settings: { ...DEFAULT_ODOO_TOOL_SETTINGS, allowWrites: false, baseUrl: sandbox.url },
    }),
  );
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { requests: 0, calls: 0, ms: 0 }]));
  const answers = [];
  const started = performance.now();
  for (const { kind, tool, args } of workload) {
    const calls = odoo.stats().calls;
    const t0 = performance.now();
    const result = await mcp.callTool({ name: tool, arguments: args });
    if (result.isError) throw new Error(`${tool} ${JSON.stringify(args)}: ${result.content?.[0]?.text}`);
    const row = byKind[kind];
    row.requests++;
    row.ms += performance.now() - t0;
    row.calls += odoo.stats().calls - calls;
    answers.push(JSON.stringify(result.structuredContent));
  }
  const ms = performance.now() - started;
  await mcp.close();
  return { answers, byKind, ms, calls: Object.values(byKind).reduce((a, r) => a + r.calls, 0) };
}

// Warm-up on a throwaway server: authentication and every model's fields_get.
await replay(odoo).catch((error) => {
  throw new Error(`warm-up failed: ${error.message}`);
});

const runs = [];
runs.push({ mode: 'no cache', ...(await replay(odoo)) });

const memory = cacheFor(new MemoryCacheStore(), TENANT);
runs.push({ mode: 'memory LRU', ...(await replay(new CachedOdooApi(odoo, memory))), stats: memory.stats() });

const prefix = `bench:${randomBytes(6).toString('hex')}:`;
const admin = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
admin.on('error', () => undefined);
let redisSkipped = '';
try {
  await admin.connect();
  const store = await RedisCacheStore.connect(REDIS_URL, { keyPrefix: prefix });
  try {
    const redis = cacheFor(store, TENANT);
    runs.push({ mode: 'Redis', ...(await replay(new CachedOdooApi(odoo, redis))), stats: redis.stats() });
  } finally {
    await store.close();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
  }
} catch (error) {
  redisSkipped = `Redis run skipped: ${REDIS_URL} not reachable (${error.message})`;
} finally {
  admin.disconnect();
}
await sandbox.close();

// Same answers with and without the cache, or the figures mean nothing.
for (const run of runs.slice(1)) {
  const differing = run.answers.filter((a, i) => a !== runs[0].answers[i]).length;
  if (differing) throw new Error(`${run.mode}: ${differing} answers differ from the uncached run`);
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const counts = Object.fromEntries(KINDS.map((k) => [k, workload.filter((w) => w.kind === k).length]));
const distinct = new Set(workload.map((w) => `${w.tool}${JSON.stringify(w.args)}`)).size;
console.log(
  `Odoo SANDBOX, ${LATENCY_MS} ms per call; ${REQUESTS} tool calls (${distinct} distinct): ${KINDS.map((k) => `${counts[k]} ${k}`).join(', ')}.`,
);
console.log(
  'Sequential replay through MCP-Odoo; authentication and fields_get warm in every mode. Answers checked identical across modes.\n',
);
console.log(`${pad('mode', 12)}${lpad('Odoo calls', 12)}${lpad('wall time', 11)}${lpad('per call', 10)}`);
for (const r of runs)
  console.log(
    `${pad(r.mode, 12)}${lpad(r.calls, 12)}${lpad(secs(r.ms), 11)}${lpad(`${(r.ms / REQUESTS).toFixed(1)} ms`, 10)}`,
  );
if (redisSkipped) console.log(redisSkipped);

console.log(`\nPer request kind: Odoo calls / wall time`);
console.log(`${pad('', 22)}${runs.map((r) => lpad(r.mode, 22)).join('')}`);
for (const k of KINDS)
  console.log(
    `${pad(`${k} (${counts[k]})`, 22)}${runs.map((r) => lpad(`${r.byKind[k].calls} / ${secs(r.byKind[k].ms)}`, 22)).join('')}`,
  );

for (const r of runs.filter((x) => x.stats)) {
  console.log(`\nCache kinds (${r.mode}): hits / misses / loads, hit ratio`);
  for (const s of r.stats) {
    const ratio = s.hits + s.misses === 0 ? 0 : s.hits / (s.hits + s.misses);
    console.log(
      `  ${pad(s.kind, 22)}${lpad(s.hits, 6)} /${lpad(s.misses, 5)} /${lpad(s.loads, 5)}   ${(ratio * 100).toFixed(0)}%`,
    );
  }
}
