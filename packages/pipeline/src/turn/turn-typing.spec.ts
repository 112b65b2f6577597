import { describe, expect, it } from '@jest/globals';
import type { ChatwootGateway, Specialist } from '@mcp-crew/core';
import { ATTEMPT, turnProcessor, webTurn as turn } from './testing/turn-fixture.js';

/** A gateway that records every Chatwoot call in order, as `action:detail`. */
function recordingGateway(options: { typingFails?: boolean } = {}) {
  const calls: string[] = [];
  const gateway: ChatwootGateway = {
    sendMessage: async (_ref, m) => (calls.push(`message:${m.content}`), { id: 1 }),
    addPrivateNote: async () => (calls.push('note'), { id: 2 }),
    addLabels: async (_ref, labels) => (calls.push(`labels:${labels.join(',')}`), labels),
    setCustomAttributes: async () => void calls.push('attributes'),
    toggleStatus: async (_ref, status) => void calls.push(`status:${status}`),
    getConversation: async (ref) => (
      calls.push('read'),
      { id: ref.conversationId, status: 'pending', labels: [], customAttributes: {}, inboxId: 1 }
    ),
    toggleTyping: async (_ref, status) => {
      calls.push(`typing:${status}`);
      if (options.typingFails) throw new Error('401 bot token refused');
    },
  };
  return { gateway, calls };
}

function setup(specialist: Specialist, options: { typingFails?: boolean } = {}) {
  const { gateway, calls } = recordingGateway(options);
  const warnings: string[] = [];
  const processor = turnProcessor({
    specialists: { get: () => specialist },
    gateway: () => gateway,
    logger: { info: () => undefined, warn: (_o, m) => void warnings.push(m), error: () => undefined },
  });
  return { processor, calls, warnings };
}

const answering: Specialist = { handle: async () => ({ replies: ['Con gusto.'] }) };

describe('TurnProcessor: the typing indicator', () => {
  it('is on before the specialist works and off after the reply', async () => {
    const seen: string[] = [];
    const { processor, calls } = setup({
      handle: async () => {
        seen.push(...calls);
        return { replies: ['Con gusto.'] };
      },
    });
    await processor.handle(turn('quiero esmalte'), ATTEMPT);
    expect(seen).toEqual(['typing:on']);
    expect(calls).toEqual(['typing:on', 'read', 'message:Con gusto.', 'typing:off']);
  });

  it('is switched off after a handoff too', async () => {
    const { processor, calls } = setup(answering);
    await processor.handle(turn('quiero hablar con una persona'), ATTEMPT);
    expect(calls[0]).toBe('typing:on');
    expect(calls.at(-1)).toBe('typing:off');
    expect(calls).toContain('status:open');
  });

  it('is switched off when the turn fails, and the failure still reaches the queue for its retry', async () => {
    const { processor, calls } = setup({
      handle: async () => {
        throw new Error('model unavailable');
      },
    });
    await expect(processor.handle(turn('quiero esmalte'), ATTEMPT)).rejects.toThrow('model unavailable');
    expect(calls).toEqual(['typing:on', 'typing:off']);
  });

  it('never costs the answer when Chatwoot refuses it: the reply is sent and a warning logged', async () => {
    const { processor, calls, warnings } = setup(answering, { typingFails: true });
    await processor.handle(turn('quiero esmalte'), ATTEMPT);
    expect(calls).toEqual(['typing:on', 'read', 'message:Con gusto.', 'typing:off']);
    expect(warnings).toEqual(['typing indicator not updated', 'typing indicator not updated']);
  });

  it('is switched off by the deadline hand-over, after the status change', async () => {
    const { processor, calls } = setup(answering);
    await processor.deadlinePassed(turn('quiero esmalte'), {
      activity: [],
      failures: [],
      deadlineMs: 1000,
      answered: false,
    });
    expect(calls.at(-2)).toBe('status:open');
    expect(calls.at(-1)).toBe('typing:off');
  });
});
