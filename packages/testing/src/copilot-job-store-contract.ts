import { describe, expect, it } from '@jest/globals';
import { tenantId, type CopilotJobRecord, type CopilotJobStore } from '@mcp-crew/core';
import { storesPerTest, type StoreUnderTest } from './stores-under-test.js';

export type CopilotJobStoreUnderTest = StoreUnderTest<CopilotJobStore>;

const HOUR = 60 * 60 * 1000;

/** The behaviour every `CopilotJobStore` adapter must have; the factory returns an empty store. */
export function describeCopilotJobStoreContract(
  name: string,
  factory: () => Promise<CopilotJobStoreUnderTest>,
): void {
  describe(`CopilotJobStore contract: ${name}`, () => {
    const start = storesPerTest(factory);
    const demo = tenantId('demo');
    const queued = (id: string): CopilotJobRecord => ({
      tracking_id: id,
      status: 'queued',
      created_at: '2026-11-30T15:00:00.000Z',
      lease_until: Date.parse('2026-11-30T15:00:30.000Z'),
    });

    it('finds nothing for an unknown id, and the job as last written afterwards', async () => {
      const store = await start();
      expect(await store.get(demo, 'job-1')).toBeUndefined();
      await store.put(demo, queued('job-1'), HOUR);
      expect(await store.get(demo, 'job-1')).toEqual(queued('job-1'));
      const completed: CopilotJobRecord = {
        tracking_id: 'job-1',
        status: 'completed',
        created_at: '2026-11-30T15:00:00.000Z',
        finished_at: '2026-11-30T15:00:04.000Z',
        output: { reply: 'Cotización S00042 creada', records: [{ model: 'sale.order', id: 42 }] },
      };
      await store.put(demo, completed, HOUR);
      expect(await store.get(demo, 'job-1')).toEqual(completed);
    });

    it("keeps tenants apart: another tenant's tracking id finds nothing", async () => {
      const store = await start();
      await store.put(demo, queued('shared-id'), HOUR);
      expect(await store.get(tenantId('otra-tienda'), 'shared-id')).toBeUndefined();
    });

    it('forgets a job after its TTL', async () => {
      const store = await start();
      await store.put(demo, queued('short'), 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await store.get(demo, 'short')).toBeUndefined();
    });

    it('renews the TTL on every write', async () => {
      const store = await start();
      await store.put(demo, queued('renewed'), 100);
      await new Promise((resolve) => setTimeout(resolve, 60));
      await store.put(demo, { ...queued('renewed'), status: 'processing' }, 200);
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect((await store.get(demo, 'renewed'))?.status).toBe('processing');
    });

    it('hands out copies: changing a returned job does not change the record', async () => {
      const store = await start();
      await store.put(demo, queued('copy'), HOUR);
      const first = (await store.get(demo, 'copy'))!;
      first.status = 'failed';
      expect((await store.get(demo, 'copy'))?.status).toBe('queued');
    });
  });
}
