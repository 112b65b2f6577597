// Fairness benchmark: per-tenant queue wait under a noisy neighbour, on the in-process queue and on BullMQ.
// Tenant "ruidosa" drops a burst of BURST turns at once (a campaign, a bot loop); four quiet tenants each send a
// message every QUIET_EVERY_MS meanwhile. A worker with SLOTS slots spends TURN_MS on each turn. The wait of a
// turn is its start minus its message's arrival minus the coalescing window (time spent queued behind others).
// The "arrival order" rows replay the same load with every message under one tenant id, which is how the
// queue behaved before fair scheduling (one FIFO for everybody); the tenant is then told apart by conversation.
// Run after `node scripts/build.mjs`. Figures go to the README; nothing is asserted.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { tenantId } from '@mcp-crew/core';
import { BullMqQueue } from '@mcp-crew/queue-bullmq';
import { InMemoryQueue } from '@mcp-crew/queue-memory';

const BURST = Number(process.env.BENCH_BURST ?? 400);
const SLOTS = Number(process.env.BENCH_SLOTS ?? 8);
const TURN_MS = Number(process.env.BENCH_TURN_MS ?? 25);
const QUIET_TENANTS = 4;
const QUIET_EVERY_MS = Number(process.env.BENCH_QUIET_EVERY_MS ?? 100);
const WINDOW_MS = 50;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const settings = { coalesceWindowMs: WINDOW_MS, attempts: 3, backoffMs: 100, idempotencyTtlMs: 600_000 };
const limits = () => ({ maxConcurrentTurns: SLOTS, modelTokensPerMinute: 0 });
const quiet = { warn: () => undefined, error: () => undefined };
const NOISY = 'ruidosa';
const QUIETS = Array.from({ length: QUIET_TENANTS }, (_, i) => `tranquila-${i + 1}`);

let sequence = 0;
function message(tenant, conversationId) {
  sequence++;
  return {
    tenantId: tenantId(tenant),
    deliveryId: `bench-${sequence}`,
    accountId: 1,
    conversationId,
    inboxId: 1,
    messageId: sequence,
    channel: 'Channel::Whatsapp',
    channelAttributes: {},
    content: 'hola',
    contentType: 'text',
    sender: { id: 1, name: 'Cliente' },
    createdAt: new Date().toISOString(),
    receivedAt: Date.now(),
  };
}

/** Runs the load on one queue; `oneTenant` puts every message under the noisy tenant's id (arrival order). */
async function run(queue, oneTenant) {
  const waits = new Map();
  let handled = 0;
  const worker = {
    async handle(turn) {
      const started = Date.now();
      for (const m of turn.messages) {
        const tenant = oneTenant ? owner(m.conversationId) : m.tenantId;
        const list = waits.get(tenant) ?? [];
        list.push(Math.max(0, started - m.receivedAt - WINDOW_MS));
        waits.set(tenant, list);
      }
      await new Promise((resolve) => setTimeout(resolve, TURN_MS));
      handled += turn.messages.length;
    },
    async exhausted() {},
  };
  await queue.startWorker(worker);
  // Quiet conversations are numbered by tenant so the one-tenant run can still tell them apart.
  const owner = (conversationId) =>
    conversationId < 100_000 ? NOISY : QUIETS[Math.floor(conversationId / 100_000) - 1];
  let sent = 0;
  const burst = Array.from({ length: BURST }, (_, c) => message(NOISY, c + 1));
  await Promise.all(burst.map((m) => queue.enqueue(m)));
  sent += BURST;
  // The quiet tenants keep talking for as long as the burst takes to drain at full speed, and a bit more.
  const drainMs = (BURST / SLOTS) * TURN_MS * 1.2;
  const rounds = Math.ceil(drainMs / QUIET_EVERY_MS);
  for (let r = 0; r < rounds; r++) {
    await Promise.all(
      QUIETS.map((t, i) => {
        const conversation = (i + 1) * 100_000 + r;
        return queue.enqueue(message(oneTenant ? NOISY : t, conversation));
      }),
    );
    sent += QUIETS.length;
    await new Promise((resolve) => setTimeout(resolve, QUIET_EVERY_MS));
  }
  const deadline = Date.now() + 120_000;
  while (handled < sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  await queue.close();
  return waits;
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function bullQueue(prefix) {
  const queue = new BullMqQueue({
    url: REDIS_URL,
    prefix,
    settings,
    concurrency: SLOTS,
    logger: quiet,
    limits,
  });
  await queue.waitUntilReady();
  return queue;
}

async function cleanup(prefix) {
  const redis = new Redis(REDIS_URL);
  // BullMQ's keys may sit under a `{prefix:bull}` hash tag (Redis Cluster convention), the others under `prefix:`.
  for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  }
  await redis.quit();
}

const rows = [];
const scenario = async (name, make, oneTenant) => {
  const waits = await run(await make(), oneTenant);
  for (const tenant of [NOISY, ...QUIETS]) {
    const list = waits.get(tenant) ?? [];
    rows.push({ name, tenant, turns: list.length, p50: percentile(list, 50), p99: percentile(list, 99) });
  }
};

const prefixes = [`bench-fair-${randomUUID().slice(0, 8)}`, `bench-fair-${randomUUID().slice(0, 8)}`];
const memoryQueue = () => new InMemoryQueue({ settings, concurrency: SLOTS, logger: quiet, limits });
// `node bench/fairness.mjs bullmq` (or `in-process`) runs one adapter's rows only.
const only = process.argv[2];
try {
  if (only !== 'bullmq') {
    await scenario('in-process, arrival order', memoryQueue, true);
    await scenario('in-process, fair', memoryQueue, false);
  }
  if (only !== 'in-process') {
    await scenario('BullMQ, arrival order', () => bullQueue(prefixes[0]), true);
    await scenario('BullMQ, fair', () => bullQueue(prefixes[1]), false);
  }
} finally {
  for (const prefix of prefixes) await cleanup(prefix);
}

console.log(
  `\nQueue wait per tenant: a burst of ${BURST} turns from "${NOISY}", ${QUIET_TENANTS} quiet tenants at one message per ${QUIET_EVERY_MS} ms each,\n${SLOTS} worker slots, ${TURN_MS} ms per turn (wait = start - arrival - ${WINDOW_MS} ms coalescing window)\n`,
);
console.log('scenario                      tenant         turns   wait p50 ms   wait p99 ms');
for (const r of rows) {
  const tenant = r.tenant === NOISY ? `${NOISY} (burst)` : r.tenant;
  console.log(
    `${r.name.padEnd(29)} ${tenant.padEnd(15)} ${String(r.turns).padStart(5)} ${String(r.p50).padStart(13)} ${String(r.p99).padStart(13)}`,
  );
}
console.log(
  `\nBound: a quiet tenant's ready turn waits for at most one turn per slot (${TURN_MS} ms here) plus the scheduling round trips.`,
);
