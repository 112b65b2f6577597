import { describe, expect, it } from '@jest/globals';
import { tenantId, type ConversationState, type ConversationStateStore } from '@mcp-crew/core';
import { storesPerTest, type StoreUnderTest } from './stores-under-test.js';

export type StateStoreUnderTest = StoreUnderTest<ConversationStateStore>;

const demo = tenantId('demo');
const other = tenantId('otra-tienda');

function sampleState(text = 'Quiero dos galones de vinilo blanco'): ConversationState {
  return {
    crew: 'whatsapp',
    specialist: 'sales',
    history: [
      { role: 'customer', text, at: '2025-03-10T14:00:00.000Z' },
      { role: 'bot', text: 'Con gusto. ¿Para interiores o exteriores?', at: '2025-03-10T14:00:03.000Z' },
    ],
    updatedAt: '2025-03-10T14:00:03.000Z',
  };
}

/** The behaviour every `ConversationStateStore` adapter must have; the factory returns an empty store. */
export function describeConversationStateStoreContract(
  name: string,
  factory: () => Promise<StateStoreUnderTest>,
): void {
  describe(`ConversationStateStore contract: ${name}`, () => {
    const start = storesPerTest(factory);

    it('loads an empty state for a conversation it has never seen', async () => {
      const store = await start();
      expect(await store.load(demo, 1)).toEqual({ history: [] });
    });

    it('returns what was saved, and the last save wins', async () => {
      const store = await start();
      await store.save(demo, 2, sampleState('primero'));
      await store.save(demo, 2, sampleState('segundo'));
      expect(await store.load(demo, 2)).toEqual(sampleState('segundo'));
    });

    it('keeps tenants and conversations apart', async () => {
      const store = await start();
      await store.save(demo, 3, sampleState('de demo'));
      expect(await store.load(other, 3)).toEqual({ history: [] });
      expect(await store.load(demo, 4)).toEqual({ history: [] });
      await store.save(other, 3, sampleState('de otra tienda'));
      expect((await store.load(demo, 3)).history[0]?.text).toBe('de demo');
      expect((await store.load(other, 3)).history[0]?.text).toBe('de otra tienda');
    });

    it('hands out copies: changing a loaded or saved object changes nothing stored', async () => {
      const store = await start();
      const saved = sampleState();
      await store.save(demo, 5, saved);
      saved.history.push({ role: 'bot', text: 'cambiado después', at: '2025-03-10T14:01:00.000Z' });
      const loaded = await store.load(demo, 5);
      loaded.history.length = 0;
      const empty = await store.load(demo, 6);
      empty.history.push({ role: 'customer', text: 'no debe quedar', at: '2025-03-10T14:02:00.000Z' });

      expect(await store.load(demo, 5)).toEqual(sampleState());
      expect(await store.load(demo, 6)).toEqual({ history: [] });
    });
  });
}
