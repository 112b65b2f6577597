import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { isCluster, openRedis } from '@mcp-crew/redis-connection';
import {
  describeInboundQueueContract,
  describeOnRedisCluster,
  makeInboundMessage,
  RecordingWorker,
  waitFor,
} from '@mcp-crew/testing';
import { BullMqQueue } from '../src/index.js';

const quiet = { warn: () => undefined, error: () => undefined };

// Medium test on a throwaway 3-master Redis Cluster: BullMQ's scripts touch many keys of a queue at once,
// which a cluster allows only because the `{<prefix>:bull}` prefix is one hash tag.
describeOnRedisCluster('BullMqQueue on a 3-master Redis Cluster', (cluster) => {
  describeInboundQueueContract(
    'BullMQ on Redis Cluster',
    async (settings, options) => {
      const prefix = `test:${randomUUID()}`;
      const instances: BullMqQueue[] = [];
      const make = async () => {
        const queue = new BullMqQueue({ cluster: cluster(), prefix, settings, logger: quiet, ...options });
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
        },
      };
    },
    { multiWorker: true },
  );

  // The turn itself proves the conversation buffer's MULTI (two keys) legal: both carry the tenant's hash tag.
  it("keeps all of BullMQ's keys in one slot and leaves no buffer behind", async () => {
    const prefix = `test:${randomUUID()}`;
    const queue = new BullMqQueue({ cluster: cluster(), prefix, logger: quiet });
    const admin = openRedis({ cluster: cluster() });
    const worker = new RecordingWorker();
    try {
      await queue.waitUntilReady();
      await queue.startWorker(worker);
      await queue.enqueue(makeInboundMessage({ conversationId: 7 }));
      await waitFor('the turn', () => worker.handled.length === 1);

      const keys = await everyKey(admin, `*${prefix}*`);
      const bull = keys.filter((k) => k.startsWith(`{${prefix}:bull}:`));
      expect(bull.length).toBeGreaterThan(0);
      const slots = new Set(await Promise.all(bull.map((k) => admin.call('CLUSTER', 'KEYSLOT', k))));
      expect(slots.size).toBe(1);
      expect(keys.filter((k) => !k.startsWith(`{${prefix}:bull}:`))).toEqual([]); // the buffer was emptied
    } finally {
      await queue.close();
      admin.disconnect();
    }
  });
});

/** Every key matching `pattern` on every master (SCAN is per node on a cluster). */
async function everyKey(admin: ReturnType<typeof openRedis>, pattern: string): Promise<string[]> {
  if (!isCluster(admin)) throw new Error('expected a cluster client');
  const keys: string[] = [];
  for (const node of admin.nodes('master')) {
    let cursor = '0';
    do {
      const [next, found] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
  }
  return keys;
}
