import { describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { describeConversationStateStoreContract } from '@mcp-crew/testing';
import { MemoryConversationStateStore } from './memory-conversation-state-store.js';

describeConversationStateStoreContract('in-process LRU', async () => {
  const store = new MemoryConversationStateStore();
  return { store, cleanup: () => store.close() };
});

describe('MemoryConversationStateStore bounds', () => {
  it('forgets the least recently used conversation past maxEntries', async () => {
    const store = new MemoryConversationStateStore({ maxEntries: 2 });
    const demo = tenantId('demo');
    const state = { history: [{ role: 'customer' as const, text: 'hola', at: '2025-03-10T14:00:00.000Z' }] };
    await store.save(demo, 1, state);
    await store.save(demo, 2, state);
    await store.load(demo, 1); // 1 is now more recent than 2
    await store.save(demo, 3, state);

    expect((await store.load(demo, 1)).history).toHaveLength(1);
    expect((await store.load(demo, 2)).history).toHaveLength(0);
    expect((await store.load(demo, 3)).history).toHaveLength(1);
  });
});
