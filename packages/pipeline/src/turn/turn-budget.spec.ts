import type { ChatwootGateway, SpecialistTrace } from '@mcp-crew/core';
import { ATTEMPT, turnProcessor, webTurn } from './testing/turn-fixture.js';

/** A processor whose sales specialist reports `budgetSpent` on the turns listed (1-based), and what it did. */
function setup(trippingTurns: number[]) {
  const notes: string[] = [];
  const replies: string[] = [];
  const order: string[] = [];
  const warned: Array<{ obj: object; msg: string }> = [];
  const counted: string[] = [];
  let turn = 0;
  const gateway = {
    sendMessage: async (_ref: unknown, m: { content: string }) => (
      replies.push(m.content),
      order.push('reply'),
      { id: 1 }
    ),
    addPrivateNote: async (_ref: unknown, note: string) => (notes.push(note), order.push('note'), { id: 2 }),
    addLabels: async () => [],
    setCustomAttributes: async () => undefined,
    getConversation: async () => ({ status: 'pending' }),
    toggleTyping: async () => undefined,
  } as unknown as ChatwootGateway;
  const trace = (spent: boolean): SpecialistTrace => ({
    model: 'gpt-test',
    tools: [],
    outcome: 'answered',
    tokens: 9_000,
    ...(spent ? { budgetSpent: { spent: 204_300, budget: 200_000 } } : {}),
  });
  const processor = turnProcessor({
    specialists: {
      get: () => ({
        handle: async () => {
          turn++;
          return { replies: ['Claro, te ayudo.'], trace: trace(trippingTurns.includes(turn)) };
        },
      }),
    },
    gateway: () => gateway,
    metrics: { turn: () => undefined, modelBudgetSpent: (tenant) => void counted.push(tenant) },
    logger: {
      info: () => undefined,
      warn: (obj, msg) => void warned.push({ obj, msg }),
      error: () => undefined,
    },
  });
  return { processor, notes, replies, order, warned, counted };
}

describe('TurnProcessor: the turn that spends the model budget', () => {
  it('warns, counts and leaves one private note, after the reply, on that turn only', async () => {
    const { processor, notes, replies, order, warned, counted } = setup([2]);
    for (const text of ['¿Tienen esmalte?', '¿Y en galón blanco?', '¿Tienen rodillos?'])
      await processor.handle(webTurn(text), ATTEMPT);

    expect(replies).toHaveLength(3);
    expect(order).toEqual(['reply', 'reply', 'note', 'reply']);
    expect(notes).toEqual([
      expect.stringContaining('has spent its language model budget (204,300 of 200,000 tokens)'),
    ]);
    expect(counted).toEqual(['demo']);
    expect(warned).toEqual([
      {
        obj: { tenant: 'demo', conversation: 1532, spent: 204_300, budget: 200_000 },
        msg: 'model token budget spent; the offline engine answers this conversation from now on',
      },
    ]);
  });
});
