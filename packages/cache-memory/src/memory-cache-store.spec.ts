import { cacheFor, tenantId } from '@mcp-crew/core';
import { describeCacheStoreContract } from '@mcp-crew/testing';
import { MemoryCacheStore } from './memory-cache-store.js';

describeCacheStoreContract('memory', async () => {
  const store = new MemoryCacheStore();
  return { store, destroy: () => store.close() };
});

describe('MemoryCacheStore', () => {
  it('evicts the least recently used entry and forgets it in its tags', async () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    await store.set('k1', '1', 60_000, ['t']);
    await store.set('k2', '2', 60_000, ['t']);
    await store.get('k1');
    await store.set('k3', '3', 60_000, ['t']);
    expect(await store.get('k2')).toBeUndefined();
    expect(await store.invalidateTags(['t'])).toBe(2);
    expect([await store.get('k1'), await store.get('k3')]).toEqual([undefined, undefined]);
  });

  it('moves an overwritten entry to its new tags only', async () => {
    const store = new MemoryCacheStore();
    await store.set('k', '1', 60_000, ['old']);
    await store.set('k', '2', 60_000, ['new']);
    expect(await store.invalidateTags(['old'])).toBe(0);
    expect(await store.get('k')).toBe('2');
    expect(await store.invalidateTags(['new'])).toBe(1);
  });

  it('does not keep values larger than its size budget', async () => {
    const store = new MemoryCacheStore({ maxChars: 10 });
    const cache = cacheFor(store, tenantId('acme'));
    let calls = 0;
    const big = async () => ({ text: `${++calls} esmalte sintético brillante` });
    await cache.getOrLoad('retrieval', ['q'], big);
    await cache.getOrLoad('retrieval', ['q'], big);
    expect(calls).toBe(2);
  });
});
