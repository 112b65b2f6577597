import { randomUUID } from 'node:crypto';
import { expect, it } from '@jest/globals';
import { cacheFor, tenantId } from '@mcp-crew/core';
import { describeCacheStoreContract, describeOnRedisCluster } from '@mcp-crew/testing';
import type { CacheLogger } from './cache-logger.js';
import { RedisCacheStore } from './redis-cache-store.js';

const silent: CacheLogger = { warn: () => {}, info: () => {} };

// Medium test on a throwaway 3-master Redis Cluster: the tag invalidation script reads a tenant's tag sets
// and deletes their entries, which a cluster allows only because the hash tag keeps them in one slot.
describeOnRedisCluster('RedisCacheStore on a 3-master Redis Cluster', (cluster) => {
  const connect = () =>
    RedisCacheStore.connect({ cluster: cluster() }, { keyPrefix: `test:${randomUUID()}:`, logger: silent });

  describeCacheStoreContract('Redis Cluster', async () => {
    const store = await connect();
    return { store, destroy: () => store.close() };
  });

  it("invalidates every tenant's tagged entries, whichever master holds the tenant", async () => {
    const store = await connect();
    try {
      const tenants = Array.from({ length: 6 }, (_, i) => tenantId(`tienda-${i}`));
      for (const tenant of tenants) {
        const cache = cacheFor(store, tenant);
        await cache.getOrLoad('odoo_product', [7], async () => `${tenant} v1`, {
          tags: [{ model: 'product.product', id: 7 }],
        });
        await cache.invalidate({ model: 'product.product', ids: [7] });
        expect(await cache.getOrLoad('odoo_product', [7], async () => `${tenant} v2`)).toBe(`${tenant} v2`);
      }
    } finally {
      await store.close();
    }
  });
});
