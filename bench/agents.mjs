// Agents benchmark: what the orchestration itself costs per turn, around a slow model and a slow Odoo.
// A scripted model replays the offline engine's decisions with 800 ms per model call; the Odoo sandbox
// answers every call after 50 ms. Per flow it prints the overhead per turn (wall time minus the time spent
// in the model and in Odoo, as the union of their intervals), model and Odoo calls per turn; then 50
// conversations at once through the in-process queue with WORKER_CONCURRENCY 16.
// Run after `node scripts/build.mjs` (packages resolve to their dist/). Targets: overhead p99 <= 10 ms,
// at most 2 model calls for a simple question.
import { AsyncLocalStorage } from 'node:async_hooks';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { AgentSpecialistRegistry, createOfflineEngine, InProcessTenantTools } from '@mcp-crew/agents';
import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import { ConsoleChatwootGateway } from '@mcp-crew/chatwoot-client';
import { DeterministicSelector, Secret, cacheFor, tenantId } from '@mcp-crew/core';
import { loadCrews } from '@mcp-crew/crews';
import { CachedOdooApi } from '@mcp-crew/mcp-odoo';
import { createLogger, openKnowledge } from '@mcp-crew/orchestrator';
import { TurnProcessor } from '@mcp-crew/pipeline';
import { InMemoryQueue } from '@mcp-crew/queue-memory';
import { MemoryConversationStateStore } from '@mcp-crew/state-memory';

const MODEL_MS = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 800);
const ODOO_MS = Number(process.env.BENCH_ODOO_LATENCY_MS ?? 50);
const PER_FLOW = Number(process.env.BENCH_CONVERSATIONS ?? 16);
// Conversations of a flow start this far apart, as customers do; all at once would measure a thundering herd.
const STAGGER_MS = Number(process.env.BENCH_STAGGER_MS ?? 100);
const QUEUE_CONVERSATIONS = 50;
const CONCURRENCY = 16;
const root = fileURLToPath(new URL('..', import.meta.url));

// Every turn runs inside its own record; the model and Odoo wrappers add their intervals to it.
const turns = new AsyncLocalStorage();
const timed = async (kind, fn) => {
  const record = turns.getStore();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    record?.[kind].push([start, performance.now()]);
  }
};

/** The offline engine, 800 ms slower per call: a stand-in for a provider's model with fixed latency. */
function scriptedModel() {
  const engine = createOfflineEngine();
  const sleep = () => new Promise((r) => setTimeout(r, MODEL_MS));
  return {
    ...engine,
    modelId: `offline-engine+${MODEL_MS}ms`,
    doGenerate: (options) => timed('model', async () => { await sleep(); return engine.doGenerate(options); }),
    doStream: (options) => timed('model', async () => { await sleep(); return engine.doStream(options); }),
  };
}

/** Every method of the Odoo client, timed (calls that the tenant cache answers never get here). */
function timedOdoo(api) {
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return (...args) => timed('odoo', () => value.apply(target, args));
    },
  });
}

function union(intervals) {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

const sandboxProcess = fork(fileURLToPath(new URL('./servers/odoo-sandbox.mjs', import.meta.url)), { env: { ...process.env, BENCH_ODOO_LATENCY_MS: String(ODOO_MS) } });
const [sandbox] = await once(sandboxProcess, 'message');
const dataDir = mkdtempSync(join(tmpdir(), 'bench-agents-'));
const logger = createLogger('silent');
const tenant = {
  id: tenantId('demo'), name: 'Pinturas El Arcoíris', language: 'es', timezone: 'America/Bogota', enabled: true,
  chatwoot: { allowUnsignedWebhooks: false },
  odoo: { url: sandbox.url, db: sandbox.db, user: sandbox.login, apiKey: new Secret(sandbox.apiKey), protocol: 'jsonrpc', allowWrites: true, sandbox: true },
  inboxCrews: {}, defaultCrew: 'webchat', enabledSpecialists: ['sales', 'scheduling', 'business_rules', 'support'],
};
const knowledge = await openKnowledge({ dataDir, collectionsDir: join(root, 'collections'), env: {}, tenants: [tenant], logger });
const cacheStore = new MemoryCacheStore();
// One model instance, as in production: the agents are built once and reused by every turn.
const scripted = scriptedModel();
const specialists = new AgentSpecialistRegistry({
  tools: new InProcessTenantTools({
    extraClients: async (t) => [await knowledge.clientFor(t)],
    wrapOdoo: (t, api) => new CachedOdooApi(timedOdoo(api), cacheFor(cacheStore, t.id)),
  }),
  model: () => scripted,
});
const processor = new TurnProcessor({
  tenants: { get: async (id) => (id === tenant.id ? tenant : undefined), list: async () => [tenant] },
  crews: await loadCrews(join(root, 'crews')),
  selector: new DeterministicSelector(),
  specialists,
  gateway: () => gateway,
  state: new MemoryConversationStateStore(),
  logger,
});
const gateway = new ConsoleChatwootGateway({ tenantId: tenant.id, write: () => undefined });

let messageId = 0;
function message(conversationId, content) {
  messageId++;
  return {
    tenantId: tenant.id, deliveryId: `bench-${messageId}`, accountId: 1, conversationId, inboxId: 1, messageId,
    channel: 'Channel::Whatsapp', channelAttributes: {}, content, contentType: 'text',
    sender: { id: conversationId, name: 'Ana Gómez', phone: '+57 300 123 4567' },
    createdAt: new Date().toISOString(), receivedAt: Date.now(),
  };
}

/** One turn, measured: wall time, model and Odoo time and calls, the rest is orchestration. */
async function turn(conversationId, content) {
  const record = { model: [], odoo: [] };
  const start = performance.now();
  await turns.run(record, () => processor.handle({ tenantId: tenant.id, conversationId, messages: [message(conversationId, content)] }, { attempt: 1, maxAttempts: 1 }));
  const wall = performance.now() - start;
  const waited = union([...record.model, ...record.odoo]);
  return { wall, overhead: wall - waited, modelCalls: record.model.length, odooCalls: record.odoo.length };
}

const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const rows = [];
async function flow(label, conversations, content) {
  const results = await Promise.all(conversations.map(async (c, i) => {
    await new Promise((r) => setTimeout(r, i * STAGGER_MS));
    return turn(c, content);
  }));
  const overhead = results.map((r) => r.overhead);
  rows.push({
    flow: label,
    turns: results.length,
    'overhead p50 ms': pct(overhead, 50).toFixed(1),
    'overhead p99 ms': pct(overhead, 99).toFixed(1),
    'model calls/turn': mean(results.map((r) => r.modelCalls)).toFixed(1),
    'Odoo calls/turn': mean(results.map((r) => r.odooCalls)).toFixed(1),
    'wall p50 ms': pct(results.map((r) => r.wall), 50).toFixed(0),
  });
  return results;
}

const ids = (base) => Array.from({ length: PER_FLOW }, (_, i) => base + i);
// Warm-up: the tenant's MCP clients connect, Odoo's authentication and fields_get are cached.
await turn(1, '¿tienen esmalte blanco?');
await turn(2, 'Hola, soy Ana Gómez, necesito 1 galón de esmalte blanco');
await turn(3, '¿cuál es el horario de atención?');

await flow('product question', ids(1000), '¿tienen esmalte blanco?');
await flow('quotation', ids(2000), 'Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos');
await flow('confirmation', ids(2000), 'sí, confírmala');
await flow('business-rules question', ids(3000), '¿cuál es el horario de atención?');
await flow('handoff', ids(4000), 'quiero hablar con una persona');
console.log(`Per flow: ${PER_FLOW} conversations started ${STAGGER_MS} ms apart; model ${MODEL_MS} ms per call, Odoo sandbox ${ODOO_MS} ms per call.`);
console.table(rows);

// One worker process: 50 conversations through the in-process queue, 16 turns at a time.
const queue = new InMemoryQueue({ settings: { coalesceWindowMs: 0, attempts: 1, backoffMs: 0, idempotencyTtlMs: 60_000 }, concurrency: CONCURRENCY, logger: { warn: () => undefined, error: () => undefined, info: () => undefined } });
const measured = [];
let done;
const finished = new Promise((resolve) => { done = resolve; });
await queue.startWorker({
  handle: async (t, attempt) => {
    const record = { model: [], odoo: [] };
    const start = performance.now();
    await turns.run(record, () => processor.handle(t, attempt));
    const wall = performance.now() - start;
    measured.push({ wall, overhead: wall - union([...record.model, ...record.odoo]), modelCalls: record.model.length });
    if (measured.length === QUEUE_CONVERSATIONS) done();
  },
});
const started = performance.now();
for (let i = 0; i < QUEUE_CONVERSATIONS; i++) await queue.enqueue(message(5000 + i, '¿tienen esmalte blanco?'));
await finished;
const elapsed = (performance.now() - started) / 1000;
const overhead = measured.map((m) => m.overhead);
console.log(`\nOne worker, in-process queue, WORKER_CONCURRENCY ${CONCURRENCY}: ${QUEUE_CONVERSATIONS} conversations (a product question each)`);
console.table([{
  'conversations': QUEUE_CONVERSATIONS,
  'total s': elapsed.toFixed(2),
  'turns/s': (QUEUE_CONVERSATIONS / elapsed).toFixed(1),
  'in flight at most': CONCURRENCY,
  'overhead p50 ms': pct(overhead, 50).toFixed(1),
  'overhead p99 ms': pct(overhead, 99).toFixed(1),
  'model calls/turn': mean(measured.map((m) => m.modelCalls)).toFixed(1),
}]);

const simple = rows.find((r) => r.flow === 'product question');
const worstP99 = Math.max(...rows.map((r) => Number(r['overhead p99 ms'])), pct(overhead, 99));
console.log(`\nTargets: overhead p99 <= 10 ms → ${worstP99.toFixed(1)} ms ${worstP99 <= 10 ? 'OK' : 'MISSED'}; model calls for a simple question <= 2 → ${simple['model calls/turn']} ${Number(simple['model calls/turn']) <= 2 ? 'OK' : 'MISSED'}`);

await queue.close();
await specialists.close();
await knowledge.close();
await cacheStore.close();
sandboxProcess.send('stop');
await once(sandboxProcess, 'exit');
rmSync(dataDir, { recursive: true, force: true });
