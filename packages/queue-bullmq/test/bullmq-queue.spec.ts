import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import {
  CONTRACT_QUEUE_SETTINGS,
  describeInboundQueueContract,
  gate,
  makeInboundMessage,
  RecordingWorker,
  waitFor,
} from '@mcp-crew/testing';
import { BullMqQueue } from '../src/index.js';
import { deleteKeys, keysUnder, REDIS_URL, startRedisProxy } from './redis-helpers.js';

const quiet = { warn: () => undefined, error: () => undefined };

describeInboundQueueContract(
  'BullMQ on Redis',
  async (settings, options) => {
    const prefix = `test:${randomUUID()}`;
    const instances: BullMqQueue[] = [];
    const make = async () => {
      const queue = new BullMqQueue({ url: REDIS_URL, prefix, settings, logger: quiet, ...options });
      instances.push(queue);
      await queue.waitUntilReady();
      return queue;
    };
    const queue = await make();
    return {
      queue,
      extraWorker: make,
      cleanup: async () => {
        for (const instance of instances) await instance.close();
        await deleteKeys(prefix);
      },
    };
  },
  { multiWorker: true },
);

describe('BullMqQueue on Redis', () => {
  it('refuses at once when Redis cannot be reached', async () => {
    // Nothing listens on loopback port 1. A short disconnect timer so the refused socket does not hold Jest.
    const queue = new BullMqQueue({
      url: 'redis://127.0.0.1:1',
      redis: { disconnectTimeout: 10 },
      logger: quiet,
    });
    try {
      const error = await queue.enqueue(makeInboundMessage()).catch((e: unknown) => e);
      expect(isCrewError(error, 'QUEUE_UNAVAILABLE')).toBe(true);
      expect(await queue.isReady()).toBe(false);
    } finally {
      await queue.close();
    }
  });

  it('refuses once Redis goes away, instead of waiting for it', async () => {
    const proxy = await startRedisProxy();
    const prefix = `test:${randomUUID()}`;
    const queue = new BullMqQueue({
      url: proxy.url,
      prefix,
      settings: CONTRACT_QUEUE_SETTINGS,
      logger: quiet,
      redis: { disconnectTimeout: 10 },
    });
    try {
      await queue.waitUntilReady();
      expect(await queue.enqueue(makeInboundMessage())).toEqual({ accepted: true });

      await proxy.cut();
      const error = await queue.enqueue(makeInboundMessage()).catch((e: unknown) => e);
      expect(isCrewError(error, 'QUEUE_UNAVAILABLE')).toBe(true);
      expect(await queue.isReady()).toBe(false);
    } finally {
      await queue.close();
      await deleteKeys(prefix);
    }
  });

  it("buffers a conversation's messages under its tenant and removes them once handled", async () => {
    const prefix = `test:${randomUUID()}`;
    const queue = new BullMqQueue({
      url: REDIS_URL,
      prefix,
      settings: CONTRACT_QUEUE_SETTINGS,
      logger: quiet,
    });
    const worker = new RecordingWorker();
    const hold = gate();
    worker.onHandle = () => hold.promise;
    try {
      await queue.waitUntilReady();
      await queue.startWorker(worker);
      await queue.enqueue(makeInboundMessage({ conversationId: 400, content: 'necesito cotizar 5 galones' }));

      await waitFor('the turn to start', () => worker.calls.length === 1);
      expect((await keysUnder(`${prefix}:{demo}:conv:400:*`)).sort()).toEqual([
        `${prefix}:{demo}:conv:400:inbox`,
        `${prefix}:{demo}:conv:400:inbox:messages`,
      ]);
      hold.open();

      await waitFor('the turn to end', () => worker.handled.length === 1);
      await waitFor(
        'the buffer to empty',
        async () => (await keysUnder(`${prefix}:{demo}:conv:*`)).length === 0,
      );
    } finally {
      hold.open();
      await queue.close();
      await deleteKeys(prefix);
    }
  });

  it('closes within closeTimeoutMs when a running turn ignores its stop signal', async () => {
    const prefix = `test:${randomUUID()}`;
    const warnings: string[] = [];
    const queue = new BullMqQueue({
      url: REDIS_URL,
      prefix,
      settings: CONTRACT_QUEUE_SETTINGS,
      logger: { warn: (_: object, message: string) => warnings.push(message), error: () => undefined },
      closeTimeoutMs: 300,
    });
    const worker = new RecordingWorker();
    const never = gate(); // a turn stuck on I/O that no abort signal reaches
    worker.onHandle = () => never.promise;
    try {
      await queue.waitUntilReady();
      await queue.startWorker(worker);
      await queue.enqueue(makeInboundMessage({ conversationId: 401 }));
      await waitFor('the turn to start', () => worker.calls.length === 1);

      await queue.close(); // returns instead of waiting for the stuck turn
      expect(warnings).toContain(
        'queue workers did not stop in time: dropping their connections (running turns resume elsewhere)',
      );
    } finally {
      never.open();
      await deleteKeys(prefix);
    }
  });
});
