import { tenantId, type ChatwootGateway, type ConversationState, type Turn } from '@mcp-crew/core';
import { makeInboundMessage } from '@mcp-crew/testing';
import { SUMMARY_REQUEST_CONTENT_TYPE } from '../summary/summary-request.js';
import type { InteractionSummary } from '../summary/summary-writer.js';
import { ATTEMPT, turnProcessor } from './testing/turn-fixture.js';

function setup(initial: ConversationState = { history: [] }) {
  const states = new Map<number, ConversationState>([[1532, initial]]);
  const sent: string[] = [];
  const summaries: InteractionSummary[] = [];
  const logs: string[] = [];
  const gateway = {
    sendMessage: async (_ref: unknown, m: { content: string }) => (sent.push(m.content), { id: 1 }),
    addPrivateNote: async (_ref: unknown, note: string) => (sent.push(`note:${note}`), { id: 2 }),
    addLabels: async () => [],
    setCustomAttributes: async () => undefined,
    toggleStatus: async () => void sent.push('toggle'),
    getConversation: async () => ({ status: 'pending' }),
    toggleTyping: async () => undefined,
  } as unknown as ChatwootGateway;
  const processor = turnProcessor({
    specialists: {
      get: () => ({
        handle: async () => ({ replies: ['Con gusto.'], state: { quotation: { id: 7, name: 'S00007' } } }),
      }),
    },
    gateway: () => gateway,
    state: {
      load: async (_t, id) => states.get(id) ?? { history: [] },
      save: async (_t, id, s) => void states.set(id, s),
    },
    logger: { info: (_o, m) => logs.push(m), warn: (_o, m) => logs.push(m), error: (_o, m) => logs.push(m) },
    summaries: { write: async (s) => void summaries.push(s) },
  });
  return { processor, states, sent, summaries, logs };
}

const message = (content: string, messageId: number) =>
  makeInboundMessage({
    tenantId: tenantId('demo'),
    conversationId: 1532,
    content,
    messageId,
    channel: 'Channel::WebWidget',
    sender: { id: 901, name: 'Ana', phone: '+573001234567' },
  });
const resolved = () => ({
  ...message('', Number.MAX_SAFE_INTEGER),
  contentType: SUMMARY_REQUEST_CONTENT_TYPE,
  createdAt: '2026-06-18T10:30:00.000Z',
});
const turnOf = (...messages: Turn['messages']): Turn => ({
  tenantId: tenantId('demo'),
  conversationId: 1532,
  messages,
});

describe('TurnProcessor: summaries of resolved conversations', () => {
  it("answers the customer's messages of a burst first, then writes the summary from the updated state", async () => {
    const { processor, sent, summaries } = setup();
    await processor.handle(turnOf(message('quiero esmalte', 1), resolved()), ATTEMPT);
    expect(sent).toEqual(['Con gusto.']);
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      tenantId: 'demo',
      conversationId: 1532,
      language: 'es',
      metadata: { channel: 'Channel::WebWidget', crew: 'webchat', contactId: 901 },
    });
    expect(summaries[0]!.text).toContain('- quiero esmalte');
    expect(summaries[0]!.text).toContain('S00007');
    expect(summaries[0]!.text).not.toContain('3001234567');
  });

  it('writes nothing for a conversation the bot never talked in, and says nothing to the customer', async () => {
    const { processor, sent, summaries, logs } = setup();
    await processor.handle(turnOf(resolved()), ATTEMPT);
    expect(summaries).toEqual([]);
    expect(sent).toEqual([]);
    expect(logs).toContain('conversation resolved; no summary written');
  });

  it('remembers a handoff for the summary', async () => {
    const { processor, states } = setup();
    await processor.handle(turnOf(message('quiero hablar con una persona', 1)), ATTEMPT);
    expect(states.get(1532)?.lastHandoff?.reason).toBe('customer_asked');
  });

  it('only logs when a summary ran out of attempts: the resolved conversation is not handed over again', async () => {
    const { processor, sent, logs } = setup();
    await processor.exhausted(turnOf(resolved()), new Error('vector store down'));
    expect(sent).toEqual([]);
    expect(logs).toEqual(['conversation summary failed after its retries']);
  });
});
