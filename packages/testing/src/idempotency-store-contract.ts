import { describe, expect, it } from '@jest/globals';
import { tenantId, type IdempotencyStore } from '@mcp-crew/core';
import { storesPerTest, type StoreUnderTest } from './stores-under-test.js';

export type IdempotencyStoreUnderTest = StoreUnderTest<IdempotencyStore>;

/** The behaviour every `IdempotencyStore` adapter must have; the factory returns an empty store. */
export function describeIdempotencyStoreContract(
  name: string,
  factory: () => Promise<IdempotencyStoreUnderTest>,
): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    const start = storesPerTest(factory);

    it('returns nothing for a key never recorded, and the recorded result afterwards', async () => {
      const store = await start();
      const key = 'demo:1532:48211:odoo_create_quotation:1';
      expect(await store.get(tenantId('demo'), key)).toBeUndefined();
      const result = { order_id: 7, name: 'S00007', amount_total: 119_000 };
      await store.put(tenantId('demo'), key, result);
      expect(await store.get(tenantId('demo'), key)).toEqual(result);
    });

    it('keeps tenants apart: the same key of another tenant is another record', async () => {
      const store = await start();
      await store.put(tenantId('demo'), 'k', { order_id: 1 });
      expect(await store.get(tenantId('otra-tienda'), 'k')).toBeUndefined();
    });

    it('forgets a record after its TTL', async () => {
      const store = await start();
      await store.put(tenantId('demo'), 'short', { sent: true }, 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await store.get(tenantId('demo'), 'short')).toBeUndefined();
    });

    it('hands out copies: changing a returned result does not change the record', async () => {
      const store = await start();
      await store.put(tenantId('demo'), 'copy', { lines: [1] });
      const first = (await store.get(tenantId('demo'), 'copy')) as { lines: number[] };
      first.lines.push(2);
      expect(await store.get(tenantId('demo'), 'copy')).toEqual({ lines: [1] });
    });
  });
}
