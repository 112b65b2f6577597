import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { openRedis } from '@mcp-crew/redis-connection';
import {
  describeConversationStateStoreContract,
  describeCopilotJobStoreContract,
  describeIdempotencyStoreContract,
  describeOnRedisCluster,
} from '@mcp-crew/testing';
import { RedisConversationStateStore } from './redis-conversation-state-store.js';
import { RedisCopilotJobStore } from './redis-copilot-job-store.js';
import { RedisIdempotencyStore } from './redis-idempotency-store.js';

// Medium test on a throwaway 3-master Redis Cluster (local redis-server processes, removed afterwards).
describeOnRedisCluster('state stores on a 3-master Redis Cluster', (cluster) => {
  describeConversationStateStoreContract('Redis Cluster', async () => {
    const store = new RedisConversationStateStore({ cluster: cluster(), prefix: `test:${randomUUID()}` });
    return { store, cleanup: () => store.close() };
  });

  describeIdempotencyStoreContract('Redis Cluster', async () => {
    const store = new RedisIdempotencyStore({ cluster: cluster(), prefix: `test:${randomUUID()}` });
    return { store, cleanup: () => store.close() };
  });

  describeCopilotJobStoreContract('Redis Cluster', async () => {
    const store = new RedisCopilotJobStore({ cluster: cluster(), prefix: `test:${randomUUID()}` });
    return { store, cleanup: () => store.close() };
  });

  it("keeps each tenant's keys in one slot, and tenants spread over the masters", async () => {
    const prefix = `test:${randomUUID()}`;
    const state = new RedisConversationStateStore({ cluster: cluster(), prefix });
    const effects = new RedisIdempotencyStore({ cluster: cluster(), prefix });
    const jobs = new RedisCopilotJobStore({ cluster: cluster(), prefix });
    const admin = openRedis({ cluster: cluster() });
    const slot = async (key: string) => Number(await admin.call('CLUSTER', 'KEYSLOT', key));
    try {
      const tenants = Array.from({ length: 12 }, (_, i) => tenantId(`tienda-${i}`));
      const owners = new Set<number>();
      for (const tenant of tenants) {
        const slots = new Set([
          await slot(state.key(tenant, 1)),
          await slot(state.key(tenant, 99)),
          await slot(effects.key(tenant, 'turn:1:odoo_create_quotation')),
          await slot(jobs.key(tenant, '0b8f6c1e-5d2a-4c1b-9f3e-7a6d5c4b3a21')),
        ]);
        expect(slots.size).toBe(1);
        owners.add(await masterOf(admin, [...slots][0]!));
      }
      // 12 tenants on 3 masters: more than one master holds some (the odds of all on one are ~1e-5).
      expect(owners.size).toBeGreaterThan(1);
    } finally {
      await Promise.all([state.close(), effects.close(), jobs.close()]);
      admin.disconnect();
    }
  });
});

/** The port of the master serving `slot`, from CLUSTER SLOTS. */
async function masterOf(admin: ReturnType<typeof openRedis>, slot: number): Promise<number> {
  const ranges = (await admin.call('CLUSTER', 'SLOTS')) as Array<[number, number, [string, number]]>;
  const range = ranges.find(([from, to]) => slot >= from && slot <= to);
  if (!range) throw new Error(`no master serves slot ${slot}`);
  return range[2][1];
}
