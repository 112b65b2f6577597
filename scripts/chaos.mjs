// `npm run chaos`: the long trial loops behind issue 15's table, against real processes (intake + worker
// spawned from the built dist), real Redis, the Odoo sandbox and a recording Chatwoot. Prints counts only;
// nothing here is an assertion (the fast versions live in `npm test`). Sizes: CHAOS_REQUESTS (100),
// CHAOS_KILL_TRIALS (10), CHAOS_REPLY_TRIALS (5), CHAOS_STREAM_SECONDS (24). The Redis-restart rows run a private
// redis-server (REDIS_SERVER, default /usr/bin/redis-server) on a free loopback port and a temp dir, stopped with
// CHAOS_REDIS_SIGNAL (SIGTERM). Run some rows only: `npm run chaos -- redis-aof redis-none`. Leaves the shared
// Redis's other keys alone (fresh prefix).
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OdooClient } from '@mcp-crew/odoo-client';
import { startOdooSandbox } from '@mcp-crew/odoo-sandbox';
// The testing package's index pulls in Jest-only contract suites: import the two modules directly.
import { CrewCluster } from '../packages/testing/dist/crew-cluster.js';
import { startFakeChatwoot } from '../packages/testing/dist/fake-chatwoot-server.js';
import { startModelEndpointStandIn } from '../packages/testing/dist/model-endpoint-stand-in.js';

const REDIS_URL = process.env.CHAOS_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUESTS = Number(process.env.CHAOS_REQUESTS ?? 100);
const KILL_TRIALS = Number(process.env.CHAOS_KILL_TRIALS ?? 10);
const REPLY_TRIALS = Number(process.env.CHAOS_REPLY_TRIALS ?? 5);
const STREAM_SECONDS = Number(process.env.CHAOS_STREAM_SECONDS ?? 24);
const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
// SIGTERM (default) is a graceful Redis shutdown; SIGKILL is a crash (AOF everysec may lose its last second).
const REDIS_STOP_SIGNAL = process.env.CHAOS_REDIS_SIGNAL ?? 'SIGTERM';
const ANA = '+57 300 123 4567';
const ASK = (i) => `Hola, soy Ana Gómez, necesito ${2 + (i % 5)} galones de esmalte blanco y 3 rodillos`;
const rows = [];
const report = (test, result) => {
  rows.push([test, result]);
  console.log(`${test}: ${result}`);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

async function world({ latencyMs = 0, odooUrl, env = {}, redisUrl = REDIS_URL, tenantsExtra } = {}) {
  const sandbox = odooUrl ? undefined : await startOdooSandbox({ port: 0, latencyMs });
  const chatwoot = await startFakeChatwoot();
  const odoo = sandbox
    ? new OdooClient({
        url: sandbox.url,
        db: sandbox.db,
        user: sandbox.login,
        apiKey: sandbox.apiKey,
        protocol: 'jsonrpc',
      })
    : undefined;
  const cluster = await CrewCluster.start({
    redisUrl,
    chatwootUrl: chatwoot.url,
    odoo: sandbox
      ? { url: sandbox.url, db: sandbox.db, user: sandbox.login, apiKey: sandbox.apiKey }
      : { url: odooUrl, db: 'sandbox', user: 'admin', apiKey: 'sandbox-admin-key' },
    env,
    ...(tenantsExtra ? { tenantsExtra: tenantsExtra(chatwoot.url) } : {}),
  });
  await cluster.startWorker();
  const replies = (c) =>
    chatwoot.requests.filter(
      (r) => r.path === `/api/v1/accounts/3/conversations/${c}/messages` && r.body?.private === false,
    );
  const notes = (c) =>
    chatwoot.requests.filter(
      (r) => r.path === `/api/v1/accounts/3/conversations/${c}/messages` && r.body?.private === true,
    );
  const opened = (c) =>
    chatwoot.requests.find(
      (r) => r.path === `/api/v1/accounts/3/conversations/${c}/toggle_status` && r.body?.status === 'open',
    );
  const quotations = (c) =>
    odoo.searchRead('sale.order', [['origin', '=like', `mcp-crew:demo:${c}:%`]], {
      fields: ['id', 'order_line'],
    });
  const close = async () => {
    await cluster.close();
    await chatwoot.close();
    await sandbox?.close();
  };
  return { sandbox, chatwoot, odoo, cluster, replies, notes, opened, quotations, close };
}

/** 1. Deliveries of quote requests: the same delivery id again, and the same message under new delivery ids. */
async function dedupe() {
  const w = await world();
  const base = 40_000;
  let deliveries = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const conversation = base + i;
    const message = { conversationId: conversation, messageId: 500_000 + i, content: ASK(i), phone: ANA };
    const delivery = randomUUID();
    // 10 deliveries per request: 4 with the same delivery id, 6 under new ones (copies inside the burst window).
    const copies = [delivery, delivery, delivery, delivery, ...Array.from({ length: 6 }, () => randomUUID())];
    await Promise.all(copies.map((deliveryId) => w.cluster.postMessage({ ...message, deliveryId })));
    deliveries += copies.length;
  }
  const conversations = Array.from({ length: REQUESTS }, (_, i) => base + i);
  await until(() => conversations.every((c) => w.replies(c).length > 0), 180_000);
  await sleep(3000);
  let dupReplies = 0;
  let dupQuotes = 0;
  let doubledLines = 0;
  let unanswered = 0;
  let quoted = 0;
  for (const c of conversations) {
    const r = w.replies(c).length;
    if (r === 0) unanswered++;
    dupReplies += Math.max(0, r - 1);
    const q = await w.quotations(c);
    if (q.length > 0) quoted++;
    dupQuotes += Math.max(0, q.length - 1);
    for (const order of q) if (order.order_line.length > 2) doubledLines++;
  }
  report(
    `${deliveries} signed deliveries of ${REQUESTS} quote requests (same delivery id ×4, new delivery ids ×6)`,
    `${REQUESTS - unanswered}/${REQUESTS} answered, ${quoted}/${REQUESTS} quoted; ${dupReplies} duplicate replies, ${dupQuotes} duplicate quotations, ${doubledLines} quotations with a line twice`,
  );
  await w.close();
}

/** 2. Worker SIGKILLed at a random moment mid-turn, 3 messages per trial; a new worker starts at once. */
async function randomKills() {
  const w = await world({ latencyMs: 100 });
  let answered = 0;
  let answeredTwice = 0;
  let dupQuotes = 0;
  const recoveries = [];
  for (let t = 0; t < KILL_TRIALS; t++) {
    const conversations = [0, 1, 2].map((i) => 41_000 + t * 10 + i);
    // Two workers, as in a deployment: the oldest is killed, the other one resumes its turns.
    await w.cluster.startWorker();
    for (const [i, c] of conversations.entries())
      await w.cluster.postMessage({
        conversationId: c,
        messageId: 600_000 + t * 10 + i,
        content: ASK(i),
        phone: ANA,
      });
    await sleep(200 + Math.floor(Math.random() * 1000));
    const killedAt = Date.now();
    const pending = conversations.filter((c) => w.replies(c).length === 0);
    await w.cluster.killWorker();
    await until(() => conversations.every((c) => w.replies(c).length > 0), 60_000);
    for (const c of pending) recoveries.push((w.replies(c)[0]?.at ?? killedAt) - killedAt);
    await sleep(1000);
    for (const c of conversations) {
      const r = w.replies(c).length;
      if (r > 0) answered++;
      if (r > 1) answeredTwice++;
      dupQuotes += Math.max(0, (await w.quotations(c)).length - 1);
    }
  }
  const worst = recoveries.length ? Math.max(...recoveries) : 0;
  report(
    `worker SIGKILLed at random mid-turn (${KILL_TRIALS} trials × 3 messages)`,
    `${answered}/${KILL_TRIALS * 3} answered, ${answeredTwice} answered twice, ${dupQuotes} duplicate quotations; answers ${(worst / 1000).toFixed(1)} s after the kill at worst (another worker running; ${recoveries.length} turns were still unanswered at the kill)`,
  );
  await w.close();
}

/** 3. Worker SIGKILLed right after the reply reached Chatwoot (Chatwoot took it and had not answered). */
async function killAfterReply() {
  const w = await world({ latencyMs: 50 });
  let twice = 0;
  let quotedTwice = 0;
  let answered = 0;
  for (let t = 0; t < REPLY_TRIALS; t++) {
    const c = 42_000 + t;
    w.chatwoot.respondNext({
      status: 200,
      hang: true,
      method: 'POST',
      pathEndsWith: `/conversations/${c}/messages`,
    });
    await w.cluster.postMessage({ conversationId: c, messageId: 700_000 + t, content: ASK(t), phone: ANA });
    await until(() => w.replies(c).length > 0, 30_000);
    await w.cluster.killWorker();
    await w.cluster.startWorker();
    await w.cluster
      .waitForWorkerLog(
        (l) => l.conversation === c && /^turn (handled|failed|deadline)/.test(l.msg ?? ''),
        30_000,
      )
      .catch(() => undefined);
    await sleep(500);
    if (w.replies(c).length > 0) answered++;
    if (w.replies(c).length > 1) twice++;
    if ((await w.quotations(c)).length > 1) quotedTwice++;
  }
  report(
    `worker SIGKILLed right after the reply reached Chatwoot (${REPLY_TRIALS} trials)`,
    `${answered}/${REPLY_TRIALS} answered, ${twice} answered twice, ${quotedTwice} quoted twice`,
  );
  await w.close();
}

/** 4–5. The tenant's Odoo at 20 s per call, and Odoo down: 5 customers each, default 15 s deadline. */
async function slowAndDeadOdoo(kind) {
  const w =
    kind === 'slow' ? await world({ latencyMs: 20_000 }) : await world({ odooUrl: 'http://127.0.0.1:9' });
  const conversations = [0, 1, 2, 3, 4].map((i) => (kind === 'slow' ? 43_000 : 44_000) + i);
  const sent = new Map();
  for (const [i, c] of conversations.entries()) {
    sent.set(c, Date.now());
    await w.cluster.postMessage({
      conversationId: c,
      messageId: (kind === 'slow' ? 800_000 : 900_000) + i,
      content: ASK(i),
      phone: ANA,
    });
  }
  await until(() => conversations.every((c) => w.opened(c)), 40_000);
  let within = 0;
  let worst = 0;
  for (const c of conversations) {
    const open = w.opened(c);
    const ok = open && w.replies(c).length === 1 && w.notes(c).length >= 1;
    const took = open ? open.at - sent.get(c) : Infinity;
    worst = Math.max(worst, took);
    if (ok && took <= 15_000) within++;
  }
  const label = kind === 'slow' ? "the tenant's Odoo takes 20 s per call" : "the tenant's Odoo is down";
  report(
    label,
    `${within}/5 answered honestly, noted and set open within 15 s (slowest ${(worst / 1000).toFixed(1)} s)`,
  );
  await w.close();
}

/**
 * 7. The environment's model endpoint hangs (never answers) under six tenants without their own model: one turn
 * each, one after another (a new conversation each), then the first tenant's again; default deadline and breakers.
 */
async function hungModel() {
  const endpoint = await startModelEndpointStandIn({ hang: true });
  const tenants = [
    { id: 'demo', accountId: 3 },
    ...[1, 2, 3, 4, 5].map((n) => ({ id: `t${n}`, accountId: 10 + n })),
  ];
  const w = await world({
    env: {
      OPENAI_API_KEY: 'sk-chaos-environment-key',
      OPENAI_BASE_URL: endpoint.url,
      EMBEDDINGS_PROVIDER: 'local',
    },
    tenantsExtra: (chatwootUrl) =>
      tenants
        .slice(1)
        .map(
          (t) => `  - id: ${t.id}
    name: Tienda ${t.id}
    chatwootAccountId: ${t.accountId}
    chatwoot: {baseUrl: "${chatwootUrl}", botToken: bot-token-${t.id}, webhookSecret: whsec_test_secret}
`,
        )
        .join(''),
  });
  const answered = (t, c) =>
    w.chatwoot.requests.find(
      (r) =>
        r.path === `/api/v1/accounts/${t.accountId}/conversations/${c}/messages` && r.body?.private === false,
    );
  const turns = [];
  for (const [i, t] of [...tenants, tenants[0]].entries()) {
    const conversation = 46_000 + i;
    const calls = endpoint.calls.length;
    const sent = Date.now();
    await w.cluster.postMessage({
      conversationId: conversation,
      messageId: 960_000 + i,
      content: 'Hola, ¿qué horario tienen?',
      phone: ANA,
      ...(t.id === 'demo' ? {} : { tenant: t }),
    });
    await until(() => answered(t, conversation), 40_000);
    const reply = answered(t, conversation);
    // A hand-over opens the conversation for a person (toggle_status); an answer from the offline engine does not.
    const handedOver = w.chatwoot.requests.some(
      (r) => r.path === `/api/v1/accounts/${t.accountId}/conversations/${conversation}/toggle_status`,
    );
    turns.push({
      took: reply ? reply.at - sent : Infinity,
      calls: endpoint.calls.length - calls,
      handedOver,
    });
  }
  const slow = turns.filter((t) => t.calls > 0);
  const fast = turns.filter((t) => t.calls === 0);
  const range = (list) =>
    list.length
      ? `${(Math.min(...list.map((t) => t.took)) / 1000).toFixed(2)}–${(Math.max(...list.map((t) => t.took)) / 1000).toFixed(2)} s`
      : '—';
  report(
    "the environment's model endpoint hangs, 6 tenants on it, 7 turns in a row",
    `${slow.length}/7 turns called it (first message after ${range(slow)}); ${fast.length}/7 made no call (first message after ${range(fast)}); ${turns.filter((t) => t.handedOver).length}/7 handed over`,
  );
  await w.close();
  await endpoint.close();
}

/** 6. Malformed, forged and stale webhooks: every error body has the one shape. */
async function malformed() {
  const w = await world();
  const url = w.cluster.intakeUrl;
  const attempts = [
    () =>
      fetch(`${url}/webhooks/chatwoot/demo`, {
        method: 'POST',
        body: '{"event":',
        headers: { 'content-type': 'application/json' },
      }),
    () =>
      fetch(`${url}/webhooks/chatwoot/demo`, {
        method: 'POST',
        body: '<x/>',
        headers: { 'content-type': 'text/xml' },
      }),
    () =>
      fetch(`${url}/webhooks/chatwoot/demo`, {
        method: 'POST',
        body: `{"a":"${'x'.repeat(1_100_000)}"}`,
        headers: { 'content-type': 'application/json' },
      }),
    () =>
      fetch(`${url}/webhooks/chatwoot/${'t'.repeat(300)}`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    () =>
      fetch(`${url}/webhooks/chatwoot/no-such-tenant`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json' },
      }),
    () =>
      fetch(`${url}/webhooks/chatwoot/demo`, {
        method: 'POST',
        body: '{}',
        headers: {
          'content-type': 'application/json',
          'x-chatwoot-signature': `sha256=${'0'.repeat(64)}`,
          'x-chatwoot-timestamp': '1',
        },
      }),
    () => fetch(`${url}/nothing/here`),
  ];
  let bodies = 0;
  let shaped = 0;
  let fiveHundreds = 0;
  let echoes = 0;
  for (let round = 0; round < 20; round++) {
    for (const attempt of attempts) {
      const response = await attempt();
      const text = await response.text();
      bodies++;
      if (response.status >= 500) fiveHundreds++;
      if (text.includes('no-such-tenant') || text.includes('ttttt')) echoes++;
      try {
        const e = JSON.parse(text).error;
        if (typeof e?.code === 'string' && typeof e?.message === 'string') shaped++;
      } catch {
        // not JSON
      }
    }
    for (const raw of [
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      `GET /${'p'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'garbage\r\n\r\n',
    ]) {
      const answer = await rawRequest(url, raw);
      bodies++;
      try {
        const e = JSON.parse(answer.split('\r\n\r\n')[1] ?? '').error;
        if (typeof e?.code === 'string' && typeof e?.message === 'string') shaped++;
      } catch {
        // not JSON
      }
      if (answer.includes('ppppp')) echoes++;
    }
  }
  const unknown = await fetch(`${url}/webhooks/chatwoot/no-such-tenant`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json' },
  });
  const forged = await fetch(`${url}/webhooks/chatwoot/demo`, {
    method: 'POST',
    body: '{}',
    headers: { 'content-type': 'application/json' },
  });
  const alike = unknown.status === forged.status && (await unknown.text()) === (await forged.text());
  report(
    `${bodies} malformed/forged/oversized requests`,
    `${fiveHundreds} 5xx, ${shaped}/${bodies} bodies with code + message, ${echoes} echoing the path; unknown tenant and bad signature answer alike: ${alike ? 'yes' : 'NO'}`,
  );
  const missing = await w.cluster
    .postMessage({ conversationId: 45_000, messageId: 1, content: 'x', phone: ANA, deliveryId: '' })
    .catch(() => 0);
  report('an empty X-Chatwoot-Delivery', `HTTP ${missing}`);
  await w.close();
}

/**
 * A private redis-server (never the shared one) on a free loopback port with its own data dir, so it can be
 * stopped and started again with the same files. `persistence`: 'aof' (appendfsync everysec) or 'none'.
 */
async function privateRedis(persistence) {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-crew-chaos-redis-'));
  const port = await freePort();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    persistence === 'aof' ? 'yes' : 'no',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'no',
    '--logfile',
    join(dir, 'redis.log'),
  ];
  let child;
  const start = async () => {
    child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    const up = await until(() => ping(port), 10_000);
    if (!up) throw new Error('private redis-server did not start');
  };
  // SIGTERM is Redis's graceful shutdown (it fsyncs the AOF; with no persistence everything is gone);
  // SIGKILL is a crash.
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(REDIS_STOP_SIGNAL);
    const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async (downMs) => {
      await stop();
      await sleep(downMs);
      await start();
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ping(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setTimeout(500, () => socket.destroy());
    socket.on('data', (chunk) => {
      resolve(chunk.toString().startsWith('+PONG'));
      socket.destroy();
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * 7–8. Redis restarted in the middle of a 10 msg/s stream of quote requests (one conversation each), with AOF
 * on and with no persistence. Counts accepted (200) messages never answered, and duplicate replies/quotations.
 */
async function redisRestart(persistence) {
  const redis = await privateRedis(persistence);
  let w;
  try {
    w = await world({ redisUrl: redis.url });
    const base = persistence === 'aof' ? 46_000 : 47_000;
    const total = STREAM_SECONDS * 10;
    const statuses = new Map();
    const posts = [];
    const restartAt = Math.floor(total / 2);
    let restart;
    const started = Date.now();
    for (let i = 0; i < total; i++) {
      // 10 msg/s on a schedule (a slow answer during the outage does not slow the stream down).
      await sleep(Math.max(0, started + i * 100 - Date.now()));
      if (i === restartAt) restart = redis.restart(1000);
      const c = base + i;
      posts.push(
        w.cluster
          .postMessage({ conversationId: c, messageId: 950_000 + base + i, content: ASK(i), phone: ANA })
          .catch(() => 0)
          .then((status) => statuses.set(c, status)),
      );
    }
    await Promise.all(posts);
    await restart;
    // What the outage refused (5xx) is posted again, as a sender retrying its webhook would (bounded: 3 tries).
    const refused = [...statuses].filter(([, status]) => status !== 200).map(([c]) => c);
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const c of refused.filter((c) => statuses.get(c) !== 200)) {
        const i = c - base;
        const status = await w.cluster
          .postMessage({ conversationId: c, messageId: 950_000 + base + i, content: ASK(i), phone: ANA })
          .catch(() => 0);
        statuses.set(c, status);
      }
      if (refused.every((c) => statuses.get(c) === 200)) break;
      await sleep(1000);
    }
    const accepted = [...statuses].filter(([, status]) => status === 200).map(([c]) => c);
    await until(() => accepted.every((c) => w.replies(c).length > 0), 120_000);
    await sleep(3000);
    let unanswered = 0;
    let dupReplies = 0;
    let dupQuotes = 0;
    for (const c of accepted) {
      const r = w.replies(c).length;
      if (r === 0) unanswered++;
      dupReplies += Math.max(0, r - 1);
      dupQuotes += Math.max(0, (await w.quotations(c)).length - 1);
    }
    // A sender retrying 10 messages answered before the restart: refused as duplicates only if the dedupe
    // records survived the restart.
    const early = accepted.filter((c) => c - base < 10);
    for (const c of early) {
      const i = c - base;
      await w.cluster
        .postMessage({ conversationId: c, messageId: 950_000 + base + i, content: ASK(i), phone: ANA })
        .catch(() => 0);
    }
    await until(() => early.some((c) => w.replies(c).length > 1), 10_000);
    await sleep(3000);
    const answeredAgain = early.filter((c) => w.replies(c).length > 1).length;
    const warned = w.cluster
      .logs()
      .some(
        (l) => typeof l.msg === 'string' && l.msg.startsWith('Redis has neither AOF nor RDB persistence'),
      );
    const label =
      persistence === 'aof'
        ? `Redis restarted under a 10 msg/s stream (AOF everysec, ${STREAM_SECONDS} s, ${REDIS_STOP_SIGNAL} + 1 s down)`
        : `Redis restarted under a 10 msg/s stream, no persistence (${STREAM_SECONDS} s, ${REDIS_STOP_SIGNAL} + 1 s down)`;
    report(
      label,
      `${unanswered}/${accepted.length} accepted messages never answered, ${dupReplies} duplicate replies, ${dupQuotes} duplicate quotations; ${refused.length} refused with a 5xx during the outage, ${accepted.length}/${total} accepted after posting those again; persistence warning at startup: ${warned ? 'yes' : 'no'}; ${answeredAgain}/${early.length} messages answered before the restart answered again when re-posted after it`,
    );
  } finally {
    await w?.close();
    await redis.close();
  }
}

function rawRequest(url, request) {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
  });
}

const only = process.argv.slice(2);
const steps = {
  dedupe,
  kills: randomKills,
  reply: killAfterReply,
  slow: () => slowAndDeadOdoo('slow'),
  dead: () => slowAndDeadOdoo('dead'),
  errors: malformed,
  'hung-model': hungModel,
  'redis-aof': () => redisRestart('aof'),
  'redis-none': () => redisRestart('none'),
};
for (const [name, run] of Object.entries(steps)) {
  if (only.length && !only.includes(name)) continue;
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    report(name, `FAILED to run: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log('\n| test | result |\n| --- | --- |');
for (const [test, result] of rows) console.log(`| ${test} | ${result} |`);
process.exit(0);
