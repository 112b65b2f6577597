// Webhook acknowledgement benchmark: bare Node ceiling vs the orchestrator with the in-process queue and
// with Redis (BullMQ), signature checking on, 32 connections, a fresh delivery id per request.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { signChatwootBody } from '@mcp-crew/pipeline';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const secret = 'bench-webhook-secret';
const here = new URL('.', import.meta.url).pathname;
const body = readFileSync(
  new URL('../packages/testing/fixtures/chatwoot/whatsapp_incoming_text.json', import.meta.url),
);

const dir = mkdtempSync(join(tmpdir(), 'mcp-crew-bench-'));
const tenantsFile = join(dir, 'tenants.yaml');
writeFileSync(
  tenantsFile,
  `tenants:\n  - id: bench\n    name: Bench\n    chatwoot: {webhookSecret: ${secret}}\n`,
);

// BENCH_CPU_PROF=<dir>: each server writes a CPU profile of its measured run there (bench/profile-summary.mjs).

function start(script, env) {
  return new Promise((resolve, reject) => {
    const child = fork(join(here, 'servers', script), {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.once('message', (m) => resolve({ child, port: m.port }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function load(port, child) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers = {
    'content-type': 'application/json',
    'x-chatwoot-timestamp': timestamp,
    'x-chatwoot-signature': signChatwootBody(secret, timestamp, body),
  };
  const run = (duration) =>
    autocannon({
      url: `http://127.0.0.1:${port}/webhooks/chatwoot/bench`,
      connections: CONNECTIONS,
      duration,
      // autocannon swaps [<id>] for a fresh id per request: every delivery is new, at no cost to the generator.
      idReplacement: true,
      requests: [
        { method: 'POST', body, headers: { ...headers, 'x-chatwoot-delivery': `${randomUUID()}-[<id>]` } },
      ],
    });
  await run(2); // warm-up: JIT, connection pools
  child.send('profile-start');
  const redisCpuBefore = await redisCpu();
  const result = await run(DURATION);
  const redisCpuSeconds = (await redisCpu()) - redisCpuBefore;
  const cpu = new Promise((resolve) => child.once('message', (m) => resolve(m.cpuMicros)));
  child.send('measure-end');
  const acks = result.requests.total;
  return {
    serverCpuPerAck: (await cpu) / acks,
    // Redis is shared with other jobs: its figure is an upper bound of what this run cost it.
    redisCpuPerAck: (redisCpuSeconds * 1e6) / acks,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function scenario(name, script, env) {
  const { child, port } = await start(script, env);
  try {
    return { name, ...(await load(port, child)) };
  } finally {
    child.removeAllListeners('exit');
    child.send('stop');
    await new Promise((r) => child.once('exit', r));
  }
}

// Redis's own CPU seconds (user + system) so far, from INFO.
const infoRedis = new Redis(REDIS_URL);
async function redisCpu() {
  const info = await infoRedis.info('cpu');
  const field = (name) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  return field('used_cpu_user') + field('used_cpu_sys');
}

const prefix = `bench-${Date.now()}`;
const common = { TENANTS_FILE: tenantsFile, CREWS_DIR: join(here, '../crews'), COALESCE_WINDOW_MS: '60000' };
const results = [
  await scenario('bare node http (ceiling)', 'bare.mjs', {}),
  await scenario('orchestrator, in-process queue', 'orchestrator.mjs', { ...common, REDIS_URL: '' }),
  await scenario('orchestrator, Redis (BullMQ)', 'orchestrator.mjs', {
    ...common,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
  }),
];

// The Redis run leaves its jobs behind: remove them.
const redis = new Redis(REDIS_URL);
// BullMQ's keys sit under the `{prefix:bull}` hash tag, the others under `prefix:`.
for (const pattern of [`${prefix}*`, `{${prefix}*`]) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
await redis.quit();
await infoRedis.quit();

const ceiling = results[0].rps;
console.log(
  `\nWebhook acknowledgements: ${CONNECTIONS} connections, ${DURATION}s per run, signature checking on\n`,
);
console.log(
  'scenario                          acks/s    p50 ms  p99 ms  non-2xx  of ceiling  server µs/ack  redis µs/ack',
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(7)} ${String(r.non2xx + r.errors).padStart(8)}  ${((r.rps / ceiling) * 100).toFixed(0).padStart(9)}%  ${r.serverCpuPerAck.toFixed(0).padStart(13)}  ${r.name.includes('Redis') ? r.redisCpuPerAck.toFixed(0).padStart(12) : ''}`,
  );
}
const bareCpu = results[0].serverCpuPerAck;
console.log(
  `\nCPU ratio (bare server µs/ack ÷ row's server µs/ack, the rate ratio if only the server's CPU counted): ${results
    .slice(1)
    .map((r) => (bareCpu / r.serverCpuPerAck).toFixed(2))
    .join(
      ' / ',
    )}; with Redis's CPU counted: ${(bareCpu / (results[2].serverCpuPerAck + results[2].redisCpuPerAck)).toFixed(2)}`,
);
console.log(
  `load average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('\nTarget: >= 10,000 acks/s with p99 <= 5 ms (orchestrator rows).');
