import { afterEach, describe, expect, it } from '@jest/globals';
import {
  tenantId,
  type InboundQueue,
  type QueueInspection,
  type QueueSettings,
  type TenantLimitsLookup,
  type TenantTokenMeter,
} from '@mcp-crew/core';
import { makeInboundMessage } from './inbound-message.js';
import { RecordingWorker } from './recording-worker.js';
import { gate, waitFor } from './wait-for.js';

export interface InboundQueueUnderTest {
  queue: InboundQueue & QueueInspection;
  /** A second instance on the same store with its own connections, as another process would have. */
  extraWorker?: () => Promise<InboundQueue>;
  /** Closes whatever the factory opened and deletes what it stored. */
  cleanup(): Promise<void>;
}

/** What a test may set besides the settings; the factory passes each one to its adapter. */
export interface QueueTestOptions {
  /** Turns one instance runs at once. */
  concurrency?: number;
  limits?: TenantLimitsLookup;
  tokens?: TenantTokenMeter;
}

export type InboundQueueFactory = (
  settings: QueueSettings,
  options?: QueueTestOptions,
) => Promise<InboundQueueUnderTest>;

/** Small windows and backoffs keep the suite fast. */
export const CONTRACT_QUEUE_SETTINGS: QueueSettings = {
  coalesceWindowMs: 150,
  attempts: 3,
  backoffMs: 50,
  idempotencyTtlMs: 60_000,
};

const TIMEOUT = 15_000;

/**
 * The behaviour every `InboundQueue` adapter must have. An adapter's spec calls it with a factory that
 * returns a fresh, empty queue per test. With `multiWorker` (stores shared between processes) the factory
 * must return `extraWorker`; in-process adapters leave it off and the two-worker test shows as skipped.
 */
export function describeInboundQueueContract(
  name: string,
  factory: InboundQueueFactory,
  options: { multiWorker?: boolean } = {},
): void {
  const multiWorker = options.multiWorker ?? false;
  describe(`InboundQueue contract: ${name}`, () => {
    const open: InboundQueueUnderTest[] = [];
    const start = async (settings: QueueSettings = CONTRACT_QUEUE_SETTINGS, options?: QueueTestOptions) => {
      const subject = await factory(settings, options);
      open.push(subject);
      const worker = new RecordingWorker();
      return { ...subject, worker };
    };

    afterEach(async () => {
      for (const subject of open.splice(0)) await subject.cleanup();
    });

    it(
      'accepts a message and hands it to the worker as a one-message turn',
      async () => {
        const { queue, worker } = await start();
        expect(await queue.isReady()).toBe(true);
        await queue.startWorker(worker);
        const message = makeInboundMessage({
          conversationId: 101,
          content: 'Buenas tardes, ¿a qué hora abren?',
        });

        expect(await queue.enqueue(message)).toEqual({ accepted: true });

        await waitFor('the turn', () => worker.handled.length === 1);
        expect(worker.handled[0]).toEqual({
          tenantId: message.tenantId,
          conversationId: 101,
          messages: [message],
        });
        expect(worker.calls[0]?.attempt).toMatchObject({
          attempt: 1,
          maxAttempts: CONTRACT_QUEUE_SETTINGS.attempts,
        });
        expect(queue.stats()).toMatchObject({ enqueued: 1, duplicates: 0, turnsHandled: 1 });
      },
      TIMEOUT,
    );

    it(
      'drops a repeated delivery id of the same tenant; another tenant with that id is a new message',
      async () => {
        const { queue, worker } = await start();
        await queue.startWorker(worker);
        const first = makeInboundMessage({ conversationId: 102, deliveryId: 'dup-1' });
        const otherTenant = makeInboundMessage({
          tenantId: tenantId('otra-tienda'),
          conversationId: 102,
          deliveryId: 'dup-1',
        });

        expect(await queue.enqueue(first)).toEqual({ accepted: true });
        expect(await queue.enqueue({ ...first })).toEqual({ accepted: false });
        expect(await queue.enqueue(otherTenant)).toEqual({ accepted: true });

        await waitFor('both tenants handled', () => worker.handled.length === 2);
        // Still a duplicate after its turn was handled: the TTL, not the turn, bounds the memory.
        expect(await queue.enqueue({ ...first })).toEqual({ accepted: false });
        const byTenant = worker.handled.map((t) => [t.tenantId, t.messages.length]).sort();
        expect(byTenant).toEqual([
          ['demo', 1],
          ['otra-tienda', 1],
        ]);
        expect(queue.stats()).toMatchObject({ enqueued: 2, duplicates: 2 });
      },
      TIMEOUT,
    );

    it(
      'drops the same Chatwoot message under a new delivery id, before and after its turn',
      async () => {
        const { queue, worker } = await start();
        await queue.startWorker(worker);
        const message = makeInboundMessage({
          conversationId: 107,
          messageId: 9301,
          deliveryId: 'first-delivery',
        });

        expect(await queue.enqueue(message)).toEqual({ accepted: true });
        expect(await queue.enqueue({ ...message, deliveryId: 'replayed-1' })).toEqual({ accepted: false });
        await waitFor('the turn', () => worker.handled.length === 1);
        // A captured webhook replayed later under yet another delivery id is still the same message.
        expect(await queue.enqueue({ ...message, deliveryId: 'replayed-2' })).toEqual({ accepted: false });
        // The same message id in another conversation or tenant is another message.
        expect(
          await queue.enqueue({ ...message, conversationId: 108, deliveryId: 'other-conversation' }),
        ).toEqual({ accepted: true });
        expect(
          await queue.enqueue({ ...message, tenantId: tenantId('otra-tienda'), deliveryId: 'other-tenant' }),
        ).toEqual({ accepted: true });

        await waitFor('three turns', () => worker.handled.length === 3);
        expect(
          worker.handled.filter((t) => t.conversationId === 107 && t.tenantId === message.tenantId),
        ).toHaveLength(1);
        expect(queue.stats()).toMatchObject({ enqueued: 3, duplicates: 2 });
      },
      TIMEOUT,
    );

    it(
      'never puts one message twice into a burst, whatever delivery ids carry its copies',
      async () => {
        const { queue, worker } = await start();
        await queue.startWorker(worker);
        const line = makeInboundMessage({
          conversationId: 109,
          messageId: 9401,
          content: '2 galones de esmalte blanco',
        });
        const other = makeInboundMessage({ conversationId: 109, messageId: 9402, content: 'y 3 rodillos' });
        for (const copy of [
          line,
          { ...line, deliveryId: 'copy-a' },
          other,
          { ...line, deliveryId: 'copy-b' },
          { ...other, deliveryId: 'copy-c' },
        ]) {
          await queue.enqueue(copy);
        }

        await waitFor('the burst', () => worker.handled.length === 1);
        await new Promise((resolve) => setTimeout(resolve, CONTRACT_QUEUE_SETTINGS.coalesceWindowMs * 2));
        expect(worker.handled).toHaveLength(1);
        expect(worker.handled[0]!.messages.map((m) => m.content)).toEqual([
          '2 galones de esmalte blanco',
          'y 3 rodillos',
        ]);
      },
      TIMEOUT,
    );

    it(
      'coalesces a burst into one turn, oldest message first',
      async () => {
        const { queue, worker } = await start();
        await queue.startWorker(worker);
        const texts = ['hola', 'quiero pintura', 'blanca'];
        const burst = texts.map((content, i) =>
          makeInboundMessage({ conversationId: 103, messageId: 9001 + i, content }),
        );

        // Arrival order differs from message order: the turn still lists them by message id.
        for (const message of [burst[2], burst[0], burst[1]]) await queue.enqueue(message!);

        await waitFor('all three messages', () => worker.handledDeliveries().length === 3);
        expect(worker.handled).toHaveLength(1);
        expect(worker.handled[0]!.messages.map((m) => m.content)).toEqual(texts);
      },
      TIMEOUT,
    );

    it(
      'puts a message that arrives during a turn into the next turn, never running them together',
      async () => {
        const { queue, worker } = await start();
        const hold = gate();
        worker.onHandle = async (turn) => {
          if (turn.messages.some((m) => m.content === 'primero')) await hold.promise;
        };
        await queue.startWorker(worker);
        const first = makeInboundMessage({ conversationId: 104, messageId: 9101, content: 'primero' });
        const second = makeInboundMessage({ conversationId: 104, messageId: 9102, content: 'segundo' });

        await queue.enqueue(first);
        await waitFor('the first turn to start', () => worker.calls.length === 1);
        expect(await queue.enqueue(second)).toEqual({ accepted: true });
        hold.open();

        await waitFor('the second turn', () => worker.handled.length === 2);
        expect(worker.handled.map((t) => t.messages.map((m) => m.content))).toEqual([
          ['primero'],
          ['segundo'],
        ]);
        expect(worker.overlaps).toBe(0);
      },
      TIMEOUT,
    );

    it(
      'runs different conversations in parallel',
      async () => {
        const { queue, worker } = await start();
        const a = makeInboundMessage({ conversationId: 105 });
        const b = makeInboundMessage({ conversationId: 106 });
        const started = (conversationId: number) =>
          worker.calls.some((c) => c.turn.conversationId === conversationId);
        // Each turn finishes only once the other one has started: a queue that ran them one after the
        // other would time out here.
        worker.onHandle = async (turn) => {
          const other = turn.conversationId === 105 ? 106 : 105;
          await waitFor(`conversation ${other} to start beside ${turn.conversationId}`, () => started(other));
        };
        await queue.startWorker(worker);

        await queue.enqueue(a);
        await queue.enqueue(b);

        await waitFor('both conversations', () => worker.handled.length === 2);
        expect(worker.calls).toHaveLength(2);
      },
      TIMEOUT,
    );

    it(
      'retries a failing turn with the same messages and exponential backoff',
      async () => {
        const { queue, worker } = await start();
        worker.onHandle = async (_turn, { attempt }) => {
          if (attempt < 3) throw new Error(`Odoo no responde (intento ${attempt})`);
        };
        await queue.startWorker(worker);
        const message = makeInboundMessage({
          conversationId: 107,
          content: '¿Cuánto cuesta el galón de vinilo?',
        });

        await queue.enqueue(message);

        await waitFor('the third attempt to succeed', () => worker.handled.length === 1);
        expect(
          worker.calls.map((c) => ({
            attempt: c.attempt.attempt,
            maxAttempts: c.attempt.maxAttempts,
            resumed: c.attempt.resumed ?? false,
          })),
        ).toEqual([1, 2, 3].map((attempt) => ({ attempt, maxAttempts: 3, resumed: false })));
        expect(worker.calls.map((c) => c.turn.messages.map((m) => m.deliveryId))).toEqual([
          [message.deliveryId],
          [message.deliveryId],
          [message.deliveryId],
        ]);
        // Backoff lower bounds only (never an upper bound): 50 ms, then 100 ms. 10 ms of slack for timer rounding.
        const [c1, c2, c3] = worker.calls.map((c) => c.startedAt);
        expect(c2! - c1!).toBeGreaterThanOrEqual(40);
        expect(c3! - c2!).toBeGreaterThanOrEqual(90);
        expect(worker.exhaustedCalls).toHaveLength(0);
        expect(queue.stats()).toMatchObject({ retries: 2, turnsHandled: 1, exhausted: 0 });
      },
      TIMEOUT,
    );

    it(
      'passes a turn that fails every attempt to exhausted exactly once, and the conversation goes on',
      async () => {
        const { queue, worker } = await start();
        worker.onHandle = async (turn) => {
          if (turn.messages.some((m) => m.content === 'falla'))
            throw new Error('el modelo no está disponible');
        };
        await queue.startWorker(worker);
        const failing = makeInboundMessage({ conversationId: 108, messageId: 9201, content: 'falla' });

        await queue.enqueue(failing);
        await waitFor('exhausted', () => worker.exhaustedCalls.length === 1);
        expect(worker.calls).toHaveLength(3);
        expect(worker.exhaustedCalls[0]!.turn.messages).toEqual([failing]);
        expect(String(worker.exhaustedCalls[0]!.error)).toContain('el modelo no está disponible');

        const next = makeInboundMessage({ conversationId: 108, messageId: 9202, content: 'hola de nuevo' });
        await queue.enqueue(next);
        await waitFor('the next turn', () => worker.handled.length === 1);
        expect(worker.handled[0]!.messages).toEqual([next]);
        expect(worker.exhaustedCalls).toHaveLength(1);
        expect(queue.stats()).toMatchObject({ exhausted: 1, retries: 2, turnsHandled: 1 });
      },
      TIMEOUT,
    );

    it(
      'keeps a turn whose hand-over fails too, and goes on with the conversation',
      async () => {
        const { queue, worker } = await start();
        worker.onHandle = async (turn) => {
          if (turn.messages.some((m) => m.content === 'falla')) throw new Error('Chatwoot caído');
        };
        worker.onExhausted = async () => {
          throw new Error('tampoco se pudo pasar a un asesor');
        };
        await queue.startWorker(worker);
        const failing = makeInboundMessage({ conversationId: 109, messageId: 9301, content: 'falla' });

        await queue.enqueue(failing);
        const failed = await waitFor('the failed turn to be kept', async () => {
          const turns = await queue.failedTurns();
          return turns.length === 1 ? turns : undefined;
        });
        expect(failed[0]!.messages).toEqual([failing]);
        expect(queue.stats()).toMatchObject({ exhausted: 1, exhaustedFailures: 1 });

        const next = makeInboundMessage({ conversationId: 109, messageId: 9302, content: 'sigo aquí' });
        await queue.enqueue(next);
        await waitFor('the next turn', () => worker.handled.length === 1);
        expect(worker.handled[0]!.messages).toEqual([next]);
      },
      TIMEOUT,
    );

    it(
      'waits for the turn in flight when closed, then refuses messages',
      async () => {
        const { queue, worker } = await start();
        const hold = gate();
        const events: string[] = [];
        worker.onHandle = async () => {
          await hold.promise;
          events.push('turn done');
        };
        await queue.startWorker(worker);
        await queue.enqueue(makeInboundMessage({ conversationId: 110 }));
        await waitFor('the turn to start', () => worker.calls.length === 1);

        const closing = queue.close().then(() => events.push('closed'));
        // Give close() every chance to return early; it must not.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(events).toEqual([]);
        hold.open();
        await closing;

        expect(events).toEqual(['turn done', 'closed']);
        expect(await queue.isReady()).toBe(false);
        await expect(queue.enqueue(makeInboundMessage({ conversationId: 110 }))).rejects.toThrow();
      },
      TIMEOUT,
    );

    describeFairness(start);

    const twoWorkersTitle = 'handles every message exactly once, in order, with two workers on one store';
    const twoWorkers = async () => {
      const subject = await start();
      const { queue, worker, extraWorker } = subject;
      if (!extraWorker) throw new Error('multiWorker needs the factory to return extraWorker');
      const second = await extraWorker();
      worker.onHandle = () => new Promise((resolve) => setTimeout(resolve, 5));
      await queue.startWorker(worker);
      await second.startWorker(worker);

      const conversations = 8;
      const perConversation = 5;
      const sent: string[] = [];
      for (let round = 0; round < perConversation; round++) {
        await Promise.all(
          Array.from({ length: conversations }, async (_, c) => {
            const message = makeInboundMessage({
              conversationId: 200 + c,
              messageId: 10_000 + round,
              content: `mensaje ${round}`,
            });
            sent.push(message.deliveryId);
            // Half of the messages arrive through the other instance, as a second webhook process would.
            await (round % 2 === 0 ? queue : second).enqueue(message);
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 40));
      }

      await waitFor('every message', () => worker.handledDeliveries().length >= sent.length, {
        timeoutMs: 20_000,
      });
      const handled = worker.handledDeliveries();
      expect([...handled].sort()).toEqual([...sent].sort());
      expect(new Set(handled).size).toBe(handled.length);
      for (let c = 0; c < conversations; c++) {
        const order = worker.handled
          .filter((t) => t.conversationId === 200 + c)
          .flatMap((t) => t.messages.map((m) => m.messageId));
        expect(order).toEqual([10_000, 10_001, 10_002, 10_003, 10_004]);
      }
      expect(worker.overlaps).toBe(0);
      // Each instance counts the turns it ran; together they ran every turn once.
      const secondStats = (second as Partial<QueueInspection>).stats?.();
      if (secondStats)
        expect(queue.stats().turnsHandled + secondStats.turnsHandled).toBe(worker.handled.length);
      await second.close();
    };
    if (multiWorker) it(twoWorkersTitle, twoWorkers, 30_000);
    else
      it.skip(`${twoWorkersTitle} (skipped: in-process adapter, no second process can share it)`, twoWorkers);
  });
}

type StartQueue = (
  settings?: QueueSettings,
  options?: QueueTestOptions,
) => Promise<InboundQueueUnderTest & { worker: RecordingWorker }>;

const NOISY = tenantId('ruidosa');
const QUIET = tenantId('tranquila');

/**
 * Fairness across tenants and the per-tenant caps. The bound is in turns, not time: with C worker slots
 * busy with a noisy tenant's burst, a quiet tenant's turn that becomes ready starts after at most one more
 * of the noisy tenant's turns (the one level with it in the rotation), so it waits at most one turn per slot
 * — whatever the size of the burst.
 */
function describeFairness(start: StartQueue): void {
  it("starts a quiet tenant's turn within one turn per worker slot of a 500-turn burst", async () => {
    const slots = 2;
    const { queue, worker } = await start(CONTRACT_QUEUE_SETTINGS, { concurrency: slots });
    // The noisy tenant's turns hold their slot until the test releases them, one at a time.
    const releases: Array<() => void> = [];
    worker.onHandle = (turn) =>
      turn.tenantId === NOISY ? new Promise<void>((resolve) => releases.push(resolve)) : Promise.resolve();
    await queue.startWorker(worker);

    const burst = 500;
    for (let c = 0; c < burst; c++)
      await queue.enqueue(makeInboundMessage({ tenantId: NOISY, conversationId: 5000 + c }));
    await queue.enqueue(makeInboundMessage({ tenantId: QUIET, conversationId: 5000 }));

    // Both slots busy with the burst, and every other turn past its coalescing window: B's turn is ready.
    await waitFor('both slots taken by the burst', () => worker.calls.length === slots, {
      timeoutMs: 20_000,
    });
    await waitFor(
      'every other turn ready',
      async () => {
        const ready = await queue.readyTurns();
        return ready[QUIET] === 1 && ready[NOISY] === burst - slots;
      },
      { timeoutMs: 20_000 },
    );
    const quietStarted = () => worker.calls.findIndex((c) => c.turn.tenantId === QUIET);
    expect(quietStarted()).toBe(-1);

    // Free one slot at a time; count the noisy turns that start before the quiet one.
    while (quietStarted() === -1) {
      const startedBefore = worker.calls.length;
      releases.shift()?.();
      await waitFor('the freed slot to be taken', () => worker.calls.length > startedBefore, {
        timeoutMs: 10_000,
      });
    }
    const noisyAfterReady = quietStarted() - slots;
    expect(noisyAfterReady).toBeLessThanOrEqual(1);
    expect(quietStarted()).toBeLessThanOrEqual(slots + 1);
    for (const release of releases.splice(0)) release();
    worker.onHandle = async () => undefined;
    await waitFor('the quiet turn', () => worker.handled.some((t) => t.tenantId === QUIET));
  }, 60_000);

  it(
    'runs no more turns of a tenant at once than its cap, while other tenants use the free slots',
    async () => {
      const capped = { maxConcurrentTurns: 1, modelTokensPerMinute: 0 };
      const free = { maxConcurrentTurns: 8, modelTokensPerMinute: 0 };
      const { queue, worker } = await start(CONTRACT_QUEUE_SETTINGS, {
        concurrency: 4,
        limits: (id) => (id === NOISY ? capped : free),
      });
      const peak = new Map<string, number>();
      worker.onHandle = async (turn) => {
        const running = [...worker.running].filter((key) => key.includes(turn.tenantId)).length;
        peak.set(turn.tenantId, Math.max(peak.get(turn.tenantId) ?? 0, running));
        // Each noisy turn lasts until a quiet one has run beside it (or all of them have).
        const quietCalls = () => worker.calls.filter((c) => c.turn.tenantId === QUIET).length;
        if (turn.tenantId === NOISY) await waitFor('a quiet turn beside it', () => quietCalls() > 0);
        // Quiet turns wait for a second one, so they are seen running side by side.
        else await waitFor('two quiet turns', () => quietCalls() > 1);
      };
      await queue.startWorker(worker);
      for (let c = 0; c < 4; c++) {
        await queue.enqueue(makeInboundMessage({ tenantId: NOISY, conversationId: 6000 + c }));
        await queue.enqueue(makeInboundMessage({ tenantId: QUIET, conversationId: 6000 + c }));
      }
      await waitFor('all eight turns', () => worker.handled.length === 8, { timeoutMs: 20_000 });
      expect(peak.get(NOISY)).toBe(1);
      expect(peak.get(QUIET)).toBeGreaterThan(1);
    },
    TIMEOUT,
  );

  it(
    "holds a tenant's turns while it is over its model tokens per minute; other tenants go on",
    async () => {
      const over = new Set<string>([NOISY]);
      const tokens: TenantTokenMeter = {
        record: async () => undefined,
        waitMs: async (id) => (over.has(id) ? 50 : 0),
      };
      const { queue, worker } = await start(CONTRACT_QUEUE_SETTINGS, {
        limits: () => ({ maxConcurrentTurns: 8, modelTokensPerMinute: 1000 }),
        tokens,
      });
      await queue.startWorker(worker);
      // The in-process queue learns a tenant is over after one of its turns; the Redis one before each turn.
      await queue.enqueue(makeInboundMessage({ tenantId: NOISY, conversationId: 7000 }));
      await queue.enqueue(makeInboundMessage({ tenantId: QUIET, conversationId: 7000 }));
      const noisy = (list: Array<{ tenantId: string }>) => list.filter((t) => t.tenantId === NOISY).length;
      await waitFor('the quiet turn', () => worker.handled.some((t) => t.tenantId === QUIET));
      await waitFor(
        'no noisy turn running',
        () => noisy(worker.calls.map((c) => c.turn)) === noisy(worker.handled),
      );
      await queue.enqueue(makeInboundMessage({ tenantId: NOISY, conversationId: 7001 }));
      await queue.enqueue(makeInboundMessage({ tenantId: QUIET, conversationId: 7001 }));
      await waitFor(
        'the second quiet turn',
        () => worker.handled.filter((t) => t.tenantId === QUIET).length === 2,
      );
      const noisyBefore = worker.calls.filter((c) => c.turn.tenantId === NOISY).length;
      expect(noisyBefore).toBeLessThanOrEqual(1);

      over.delete(NOISY);
      await waitFor(
        'the held turns once the window frees',
        () => worker.handled.filter((t) => t.tenantId === NOISY).length === 2,
      );
    },
    TIMEOUT,
  );
}
