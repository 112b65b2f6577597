// Agents benchmark: what the orchestration itself costs per turn, around a slow model and a slow Odoo.
// A scripted model replays the offline engine's decisions with 800 ms per model call; the Odoo sandbox
// answers every call after 50 ms. First the CPU per turn, one turn at a time with a 0 ms model, split into
// Mastra's generate, MCP tool calls, the model and the rest, and Mastra's floor (a bare agent's generate).
// Then per flow the overhead per turn (wall time minus the time spent in the model and in Odoo, as the
// union of their intervals), model and Odoo calls per turn; then one worker with WORKER_CONCURRENCY 256 and 300 conversations (arriving over 2 s, 3 turns each, each turn sent
// when the previous one is answered): conversations in flight at most, turns/s, overhead p50/p99 and the
// resident memory per in-flight conversation.
// Run after `node scripts/build.mjs` (packages resolve to their dist/), ideally with --expose-gc (a steadier
// memory baseline). Targets: overhead p99 <= 10 ms per flow and <= 15 ms with 300 conversations; >= 200
// conversations in flight and >= 100 turns/s on one worker; at most 2 model calls for a simple question.
import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent } from '@mastra/core/agent';
import { createTool } from '@mastra/core/tools';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  AgentSpecialistRegistry,
  createOfflineEngine,
  createStepModel,
  InProcessTenantTools,
} from '@mcp-crew/agents';
import { MemoryCacheStore } from '@mcp-crew/cache-memory';
import { ConsoleChatwootGateway } from '@mcp-crew/chatwoot-client';
import { DEFAULT_TENANT_LIMITS, DeterministicSelector, cacheFor } from '@mcp-crew/core';
import { loadCrews } from '@mcp-crew/crews';
import { loadSettings } from '@mcp-crew/config';
import { CachedOdooApi } from '@mcp-crew/mcp-odoo';
import { createLogger, openKnowledge } from '@mcp-crew/orchestrator';
import { TurnProcessor } from '@mcp-crew/pipeline';
import { InMemoryQueue } from '@mcp-crew/queue-memory';
import { MemoryConversationStateStore } from '@mcp-crew/state-memory';
import { benchTenant, startBenchSandbox } from './servers/bench-sandbox.mjs';

const MODEL_MS = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 800);
const ODOO_MS = Number(process.env.BENCH_ODOO_LATENCY_MS ?? 50);
const PER_FLOW = Number(process.env.BENCH_CONVERSATIONS ?? 16);
// Conversations of a flow start this far apart, as customers do; all at once would measure a thundering herd.
const STAGGER_MS = Number(process.env.BENCH_STAGGER_MS ?? 100);
const LOAD_CONVERSATIONS = Number(process.env.BENCH_LOAD_CONVERSATIONS ?? 300);
const LOAD_TURNS = Number(process.env.BENCH_LOAD_TURNS ?? 3);
const LOAD_ARRIVAL_MS = Number(process.env.BENCH_LOAD_ARRIVAL_MS ?? 2000);
const CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 256);
const CPU_TURNS = Number(process.env.BENCH_CPU_TURNS ?? 20);
// `BENCH_CPU_ONLY=1` stops after the sequential CPU phase (for `node --cpu-prof` of the turn path alone).
const CPU_ONLY = process.env.BENCH_CPU_ONLY === '1';
// BENCH_CPU_PROF=<dir>: CPU profiles of the sequential phase and of the load phase (not the start-up) go
// there as agents-cpu.cpuprofile and agents-load.cpuprofile (read them with bench/profile-summary.mjs).
const PROF_DIR = process.env.BENCH_CPU_PROF;
const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts a CPU profile when BENCH_CPU_PROF is set; the returned function writes it. */
async function profile(name) {
  if (!PROF_DIR) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile: result } = await session.post('Profiler.stop');
    writeFileSync(join(PROF_DIR, `${name}.cpuprofile`), JSON.stringify(result));
    session.disconnect();
  };
}

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

// The scripted model's latency; the CPU phase sets it to 0 (it measures CPU, not waiting).
let modelMs = MODEL_MS;
let cpuPhase = false;

// In the CPU phase (one turn at a time) the process's CPU is split by where it went: Mastra's `generate`,
// and inside it the model's calls and the MCP tool calls (client, server, Odoo client and knowledge search).
const cpuIn = { generate: 0, model: 0, toolsInGenerate: 0, toolsOutside: 0, depth: 0 };
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function countCpu(target, method, kind) {
  const original = target[method];
  target[method] = async function (...args) {
    if (!cpuPhase) return original.apply(this, args);
    const bucket = kind === 'tools' ? (cpuIn.depth > 0 ? 'toolsInGenerate' : 'toolsOutside') : kind;
    if (kind === 'generate') cpuIn.depth++;
    const start = cpuNow();
    try {
      return await original.apply(this, args);
    } finally {
      cpuIn[bucket] += cpuNow() - start;
      if (kind === 'generate') cpuIn.depth--;
    }
  };
}
countCpu(Agent.prototype, 'generate', 'generate');
countCpu(Client.prototype, 'callTool', 'tools');

/** The offline engine, 800 ms slower per call: a stand-in for a provider's model with fixed latency. */
function scriptedModel() {
  const engine = createOfflineEngine();
  const sleep = () => (modelMs > 0 ? new Promise((r) => setTimeout(r, modelMs)) : undefined);
  return {
    ...engine,
    modelId: `offline-engine+${MODEL_MS}ms`,
    // Mastra's generate calls doGenerate: the CPU phase counts the engine's CPU here.
    doGenerate: (options) =>
      timed('model', async () => {
        await sleep();
        const start = cpuPhase ? cpuNow() : 0;
        try {
          return await engine.doGenerate(options);
        } finally {
          if (cpuPhase) cpuIn.model += cpuNow() - start;
        }
      }),
    doStream: (options) =>
      timed('model', async () => {
        await sleep();
        return engine.doStream(options);
      }),
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

const sandbox = await startBenchSandbox(ODOO_MS);
const dataDir = mkdtempSync(join(tmpdir(), 'bench-agents-'));
const logger = createLogger('silent');
const tenant = benchTenant(sandbox, {
  // One tenant sends every turn here: its cap on turns at once (tenant settings `limits`) is the worker's
  // concurrency, so the load phase measures the worker, not the per-tenant fairness cap; no token cap.
  limits: { maxConcurrentTurns: CONCURRENCY, modelTokensPerMinute: 0 },
});
const settings = loadSettings({ DATA_DIR: dataDir, COLLECTIONS_DIR: join(root, 'collections') });
const knowledge = await openKnowledge({ settings, tenants: [tenant], logger });
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
    tenantId: tenant.id,
    deliveryId: `bench-${messageId}`,
    accountId: 1,
    conversationId,
    inboxId: 1,
    messageId,
    channel: 'Channel::Whatsapp',
    channelAttributes: {},
    content,
    contentType: 'text',
    sender: { id: conversationId, name: 'Ana Gómez', phone: '+57 300 123 4567' },
    createdAt: new Date().toISOString(),
    receivedAt: Date.now(),
  };
}

/** One turn, measured: wall time, model and Odoo time and calls, the rest is orchestration. */
async function turn(conversationId, content) {
  const record = { model: [], odoo: [] };
  const start = performance.now();
  await turns.run(record, () =>
    processor.handle(
      { tenantId: tenant.id, conversationId, messages: [message(conversationId, content)] },
      { attempt: 1, maxAttempts: 1 },
    ),
  );
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
  const results = await Promise.all(
    conversations.map(async (c, i) => {
      await new Promise((r) => setTimeout(r, i * STAGGER_MS));
      return turn(c, content);
    }),
  );
  const overhead = results.map((r) => r.overhead);
  rows.push({
    flow: label,
    turns: results.length,
    'overhead p50 ms': pct(overhead, 50).toFixed(1),
    'overhead p99 ms': pct(overhead, 99).toFixed(1),
    'model calls/turn': mean(results.map((r) => r.modelCalls)).toFixed(1),
    'Odoo calls/turn': mean(results.map((r) => r.odooCalls)).toFixed(1),
    'wall p50 ms': pct(
      results.map((r) => r.wall),
      50,
    ).toFixed(0),
  });
  return results;
}

const ids = (base) => Array.from({ length: PER_FLOW }, (_, i) => base + i);
// Warm-up: the tenant's MCP clients connect, Odoo's authentication and fields_get are cached.
await turn(1, '¿tienen esmalte blanco?');
await turn(2, 'Hola, soy Ana Gómez, necesito 1 galón de esmalte blanco');
await turn(3, '¿cuál es el horario de atención?');

// CPU per turn, one turn at a time with a 0 ms model: this process's CPU (`process.cpuUsage`, user + system,
// GC threads included) across each turn. Unlike the overhead it barely moves with the machine's load.
// The Odoo sandbox runs in its own process, so its CPU is not counted (its 50 ms only waits).
const FLOWS = [
  ['product question', 10_000, '¿tienen esmalte blanco?'],
  ['quotation', 20_000, 'Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos'],
  ['confirmation', 20_000, 'sí, confírmala'],
  ['business-rules question', 30_000, '¿cuál es el horario de atención?'],
  ['handoff', 40_000, 'quiero hablar con una persona'],
];
modelMs = 0;
cpuPhase = true;
const cpuRows = [];
const stopCpuProfile = await profile('agents-cpu');
// BENCH_CPU_FLOWS="product question,handoff" measures only those flows (e.g. to profile one).
const only = process.env.BENCH_CPU_FLOWS?.split(',');
for (const [label, base, content] of FLOWS.filter(([label]) => !only || only.includes(label))) {
  const rows = { total: [], mastra: [], model: [], tools: [], rest: [] };
  for (let i = 0; i < CPU_TURNS; i++) {
    Object.assign(cpuIn, { generate: 0, model: 0, toolsInGenerate: 0, toolsOutside: 0 });
    const before = cpuNow();
    await turn(base + i, content);
    const total = cpuNow() - before;
    rows.total.push(total);
    rows.model.push(cpuIn.model);
    rows.tools.push(cpuIn.toolsInGenerate + cpuIn.toolsOutside);
    rows.mastra.push(cpuIn.generate - cpuIn.model - cpuIn.toolsInGenerate);
    rows.rest.push(total - cpuIn.generate - cpuIn.toolsOutside);
  }
  cpuRows.push({
    flow: label,
    turns: CPU_TURNS,
    'CPU ms/turn p50': pct(rows.total, 50).toFixed(2),
    mean: mean(rows.total).toFixed(2),
    'Mastra generate': mean(rows.mastra).toFixed(2),
    'MCP tools': mean(rows.tools).toFixed(2),
    model: mean(rows.model).toFixed(2),
    'pipeline, agents, guards': mean(rows.rest).toFixed(2),
  });
}
await stopCpuProfile();
modelMs = MODEL_MS;
cpuPhase = false;
console.log(
  `CPU per turn, one at a time, model at 0 ms, Odoo sandbox ${ODOO_MS} ms per call (its own process, not counted); the split columns are means:`,
);
console.table(cpuRows);

// Mastra's own floor: a bare agent (no tools, short instructions, no memory) whose model answers at once,
// with one step (text) and two (a tool call, then text), the shape of a product question.
const bare = async (steps) => {
  const agent = new Agent({
    id: `bare-${steps}`,
    name: 'bare',
    instructions: 'Answer briefly.',
    model: createStepModel({
      provider: 'bench',
      modelId: 'instant',
      step: async ({ prompt }) =>
        steps === 2 && !prompt.some((m) => m.role === 'tool')
          ? [{ type: 'tool-call', toolCallId: 'c1', toolName: 'noop', input: '{}' }]
          : [{ type: 'text', text: 'Listo.' }],
    }),
    tools:
      steps === 2
        ? {
            noop: createTool({
              id: 'noop',
              description: 'does nothing',
              execute: async () => ({ ok: true }),
            }),
          }
        : {},
  });
  specialists.mastra.addAgent(agent, agent.id);
  const messages = [{ role: 'user', content: '¿tienen esmalte blanco?' }];
  for (let i = 0; i < 20; i++) await agent.generate(messages);
  const before = cpuNow();
  for (let i = 0; i < CPU_TURNS * 5; i++) await agent.generate(messages);
  return ((cpuNow() - before) / (CPU_TURNS * 5)).toFixed(2);
};
console.log(
  `Mastra's floor, CPU ms per generate of a bare agent: 1 step ${await bare(1)}, 2 steps with a tool call ${await bare(2)}`,
);
async function closeAll() {
  await specialists.close();
  await knowledge.close();
  await cacheStore.close();
  await sandbox.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
if (CPU_ONLY) {
  await closeAll();
  process.exit(0);
}

await flow('product question', ids(1000), '¿tienen esmalte blanco?');
await flow('quotation', ids(2000), 'Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos');
await flow('confirmation', ids(2000), 'sí, confírmala');
await flow('business-rules question', ids(3000), '¿cuál es el horario de atención?');
await flow('handoff', ids(4000), 'quiero hablar con una persona');
console.log(
  `Per flow: ${PER_FLOW} conversations started ${STAGGER_MS} ms apart; model ${MODEL_MS} ms per call, Odoo sandbox ${ODOO_MS} ms per call.`,
);
console.table(rows);

// One worker: LOAD_CONVERSATIONS conversations through the in-process queue, CONCURRENCY turns at a time.
// Each conversation sends its next message as soon as its previous turn is answered.
const LOAD_SCRIPT = ['¿tienen esmalte blanco?', '¿cuál es el horario de atención?', '¿tienen rodillos?'];
const queue = new InMemoryQueue({
  settings: { coalesceWindowMs: 0, attempts: 1, backoffMs: 0, idempotencyTtlMs: 600_000 },
  concurrency: CONCURRENCY,
  // As the runtime does: each tenant's limits from its settings.
  limits: (id) => (id === tenant.id ? tenant.limits : DEFAULT_TENANT_LIMITS),
  logger: { warn: () => undefined, error: () => undefined, info: () => undefined },
});
const measured = [];
const sent = new Map();
let inFlight = 0;
let maxInFlight = 0;
let done;
const finished = new Promise((resolve) => {
  done = resolve;
});
globalThis.gc?.();
const baseline = process.memoryUsage();
let peakRss = baseline.rss;
let peakHeap = baseline.heapUsed;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 25);
const next = async (conversationId) => {
  const n = sent.get(conversationId) ?? 0;
  if (n >= LOAD_TURNS) return;
  sent.set(conversationId, n + 1);
  await queue.enqueue(message(conversationId, LOAD_SCRIPT[n % LOAD_SCRIPT.length]));
};
await queue.startWorker({
  handle: async (t, attempt) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const record = { model: [], odoo: [] };
    const start = performance.now();
    try {
      await turns.run(record, () => processor.handle(t, attempt));
    } finally {
      inFlight--;
    }
    const wall = performance.now() - start;
    measured.push({
      wall,
      overhead: wall - union([...record.model, ...record.odoo]),
      modelCalls: record.model.length,
    });
    if (measured.length === LOAD_CONVERSATIONS * LOAD_TURNS) done();
    else void next(t.conversationId);
  },
});
const stopLoadProfile = await profile('agents-load');
const started = performance.now();
for (let i = 0; i < LOAD_CONVERSATIONS; i++) {
  setTimeout(() => void next(6000 + i), (i * LOAD_ARRIVAL_MS) / LOAD_CONVERSATIONS);
}
await finished;
await stopLoadProfile();
clearInterval(sampler);
const elapsed = (performance.now() - started) / 1000;
const overhead = measured.map((m) => m.overhead);
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
console.log(
  `\nOne worker, in-process queue, WORKER_CONCURRENCY ${CONCURRENCY}: ${LOAD_CONVERSATIONS} conversations arriving over ${LOAD_ARRIVAL_MS} ms, ${LOAD_TURNS} turns each; model ${MODEL_MS} ms per call`,
);
console.table([
  {
    turns: measured.length,
    'total s': elapsed.toFixed(2),
    'turns/s': (measured.length / elapsed).toFixed(1),
    'in flight at most': maxInFlight,
    'overhead p50 ms': pct(overhead, 50).toFixed(1),
    'overhead p99 ms': pct(overhead, 99).toFixed(1),
    'model calls/turn': mean(measured.map((m) => m.modelCalls)).toFixed(1),
    'RSS baseline → peak MiB': `${mib(baseline.rss)} → ${mib(peakRss)}`,
    'RSS KiB/in-flight conv.': ((peakRss - baseline.rss) / 1024 / Math.max(1, maxInFlight)).toFixed(0),
    'heap KiB/in-flight conv.': ((peakHeap - baseline.heapUsed) / 1024 / Math.max(1, maxInFlight)).toFixed(0),
  },
]);

const simple = rows.find((r) => r.flow === 'product question');
const worstP99 = Math.max(...rows.map((r) => Number(r['overhead p99 ms'])));
const loadP99 = pct(overhead, 99);
const rate = measured.length / elapsed;
const verdict = (ok) => (ok ? 'OK' : 'MISSED');
console.log(
  `\nTargets: overhead p99 per flow <= 10 ms → ${worstP99.toFixed(1)} ms ${verdict(worstP99 <= 10)}; with ${LOAD_CONVERSATIONS} conversations <= 15 ms → ${loadP99.toFixed(1)} ms ${verdict(loadP99 <= 15)}`,
);
console.log(
  `         in flight >= 200 → ${maxInFlight} ${verdict(maxInFlight >= 200)}; turns/s >= 100 → ${rate.toFixed(1)} ${verdict(rate >= 100)}; model calls for a simple question <= 2 → ${simple['model calls/turn']} ${verdict(Number(simple['model calls/turn']) <= 2)}`,
);

await queue.close();
await closeAll();
