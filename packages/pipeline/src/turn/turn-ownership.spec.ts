import { describe, expect, it } from '@jest/globals';
import type { ChatwootGateway, ConversationStatus, Specialist } from '@mcp-crew/core';
import { ATTEMPT, turnProcessor, webTurn as turn } from './testing/turn-fixture.js';

/** Chatwoot as the bot sees it: `status` is what a read answers now (a person may change it mid-turn). */
function setup(specialist: Specialist, status: { now: ConversationStatus | 'unreadable' }) {
  const calls: string[] = [];
  const warnings: Array<[object, string]> = [];
  const saved: unknown[] = [];
  const gateway: ChatwootGateway = {
    sendMessage: async (_ref, m) => (calls.push(`message:${m.content}`), { id: 1 }),
    addPrivateNote: async (_ref, note) => (calls.push(`note:${note}`), { id: 2 }),
    addLabels: async (_ref, labels) => (calls.push(`labels:${labels.join(',')}`), labels),
    setCustomAttributes: async () => void calls.push('attributes'),
    toggleStatus: async (_ref, s) => void calls.push(`status:${s}`),
    getConversation: async (ref) => {
      calls.push('read');
      if (status.now === 'unreadable') throw new Error('Chatwoot unreachable');
      return { id: ref.conversationId, status: status.now, labels: [], customAttributes: {}, inboxId: 1 };
    },
    toggleTyping: async (_ref, s) => void calls.push(`typing:${s}`),
  };
  const processor = turnProcessor({
    specialists: { get: () => specialist },
    gateway: () => gateway,
    state: { load: async () => ({ history: [] }), save: async (_t, _id, s) => void saved.push(s) },
    logger: { info: () => undefined, warn: (o, m) => void warnings.push([o, m]), error: () => undefined },
  });
  return { processor, calls, warnings, saved };
}

describe('TurnProcessor: bot and human taking turns', () => {
  it('drops a reply that is ready after a person took over, leaves the draft in a private note and logs the drop', async () => {
    const status = { now: 'pending' as ConversationStatus | 'unreadable' };
    const { processor, calls, warnings, saved } = setup(
      {
        handle: async () => {
          status.now = 'open'; // an agent assigned themselves while the model was thinking
          return { replies: ['El esmalte blanco cuesta $89.000.'] };
        },
      },
      status,
    );
    await processor.handle(turn('¿precio del esmalte?'), ATTEMPT);
    expect(calls).toEqual([
      'typing:on',
      'read',
      'note:MCP-Crew did not send its reply: a person took this conversation over (status open) while the bot was working.\nDraft, for reference only:\nEl esmalte blanco cuesta $89.000.',
      'typing:off',
    ]);
    expect(warnings).toEqual([
      [
        { tenant: 'demo', conversation: 1532, crew: 'webchat', specialist: 'sales', status: 'open' },
        'reply dropped: a person took the conversation over during the turn',
      ],
    ]);
    // The unsent reply does not enter the bot's memory of the conversation.
    expect(saved).toEqual([]);
  });

  it('does not hand over a conversation a person resolved meanwhile', async () => {
    const { processor, calls } = setup({ handle: async () => ({ replies: [] }) }, { now: 'resolved' });
    await processor.handle(turn('quiero hablar con una persona'), ATTEMPT);
    expect(calls.filter((c) => c.startsWith('status:') || c.startsWith('message:'))).toEqual([]);
  });

  it('answers while the bot still owns the conversation (pending), reading the status right before sending', async () => {
    const { processor, calls } = setup(
      { handle: async () => ({ replies: ['Con gusto.'] }) },
      { now: 'pending' },
    );
    await processor.handle(turn('hola'), ATTEMPT);
    expect(calls).toEqual(['typing:on', 'read', 'message:Con gusto.', 'typing:off']);
  });

  it('after its retries, tells a person in a note only when a person already has the conversation', async () => {
    const { processor, calls, warnings } = setup({ handle: async () => ({ replies: [] }) }, { now: 'open' });
    await processor.exhausted(turn('hola'), new Error('model unavailable'));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toBe('read');
    expect(calls[1]).toMatch(/^note:.*could not process this conversation/s);
    expect(warnings.map(([, m]) => m)).toEqual([
      'hand-over message dropped: a person has the conversation; note only',
    ]);
  });

  it('after its retries, hands over in full when the status cannot be read (the customer is never left unanswered)', async () => {
    const { processor, calls } = setup({ handle: async () => ({ replies: [] }) }, { now: 'unreadable' });
    await processor.exhausted(turn('hola'), new Error('model unavailable'));
    expect(calls[0]).toBe('read');
    expect(calls.at(-1)).toBe('status:open');
    expect(calls.some((c) => c.startsWith('message:'))).toBe(true);
  });
});
