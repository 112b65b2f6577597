import { describe, expect, it } from '@jest/globals';
import {
  describeInboundQueueContract,
  makeInboundMessage,
  RecordingWorker,
  waitFor,
} from '@mcp-crew/testing';
import { InMemoryQueue } from './in-memory-queue.js';
import { DeliveryIdMemory } from './delivery-ids.js';

const quiet = { warn: () => undefined, error: () => undefined };

describeInboundQueueContract('in-process', async (settings, options) => {
  const queue = new InMemoryQueue({ settings, logger: quiet, ...options });
  return { queue, cleanup: () => queue.close() };
});

describe('InMemoryQueue', () => {
  it('holds messages enqueued before the worker starts and delivers them once it does', async () => {
    const queue = new InMemoryQueue({
      settings: { coalesceWindowMs: 20, attempts: 1, backoffMs: 10, idempotencyTtlMs: 1000 },
      logger: quiet,
    });
    const worker = new RecordingWorker();
    const message = makeInboundMessage({ conversationId: 300 });
    await queue.enqueue(message);
    await queue.startWorker(worker);
    await waitFor('the turn', () => worker.handled.length === 1);
    expect(worker.handled[0]!.messages).toEqual([message]);
    await queue.close();
  });

  it('runs no more conversations at once than its concurrency', async () => {
    const queue = new InMemoryQueue({
      settings: { coalesceWindowMs: 0, attempts: 1, backoffMs: 10, idempotencyTtlMs: 1000 },
      concurrency: 2,
      logger: quiet,
    });
    const worker = new RecordingWorker();
    let peak = 0;
    worker.onHandle = async () => {
      peak = Math.max(peak, worker.running.size);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await queue.startWorker(worker);
    for (let c = 0; c < 6; c++) await queue.enqueue(makeInboundMessage({ conversationId: 310 + c }));
    await waitFor('six turns', () => worker.handled.length === 6);
    expect(peak).toBe(2);
    await queue.close();
  });
});

describe('DeliveryIdMemory', () => {
  it('forgets a delivery id once its TTL has passed', () => {
    let now = 1000;
    const memory = new DeliveryIdMemory(100, () => now);
    expect(memory.remember('a')).toBe(true);
    expect(memory.remember('a')).toBe(false);
    now = 1101;
    expect(memory.remember('b')).toBe(true);
    expect(memory.size).toBe(1);
    expect(memory.remember('a')).toBe(true);
  });
});
