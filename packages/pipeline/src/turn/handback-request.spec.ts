import { describe, expect, it } from '@jest/globals';
import { loadChatwootFixture } from '@mcp-crew/testing';
import { messageEventSchema } from '../webhook/payload.js';
import { commandOf, isHandbackCandidate } from './handback-request.js';

const note = (content: string, changes: Record<string, unknown> = {}) =>
  messageEventSchema.parse({
    ...(loadChatwootFixture('whatsapp_private_note').body as object),
    content,
    ...changes,
  });

describe('hand-back requests', () => {
  it("takes an agent's private note starting with / as a candidate, and nothing else", () => {
    expect(isHandbackCandidate(note('/bot'))).toBe(true);
    expect(isHandbackCandidate(note('  /bot gracias'))).toBe(true);
    expect(isHandbackCandidate(note('Revisar stock en depósito 2'))).toBe(false);
    expect(isHandbackCandidate(note('/bot', { private: false }))).toBe(false);
    expect(isHandbackCandidate(note('/bot', { event: 'message_updated' }))).toBe(false);
  });

  it('reads the command word, lower-cased', () => {
    expect(commandOf('  /Bot por favor')).toBe('/bot');
    expect(commandOf('')).toBe('');
  });
});
