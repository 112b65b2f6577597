import { describe, expect, it } from '@jest/globals';
import { amountSpellings, checkReplies } from './check-replies.js';

const outcome = (replies: string[], handoff = false) => ({ replies, handoff, notes: [] });

describe('reply checks', () => {
  it('spells an amount the ways replies write it', () => {
    expect(amountSpellings(186354)).toEqual(expect.arrayContaining(['186.354', '186,354.00', '186354']));
  });

  it('matches phrases accent- and case-insensitively', () => {
    const problems = checkReplies({
      outcome: outcome(['Tu cotización S00005 quedó lista']),
      expect: { contains: ['COTIZACION'], notContains: ['cancelada'], containsAny: ['lista', 'hecha'] },
      language: undefined,
      orderTotal: undefined,
    });
    expect(problems).toEqual([]);
  });

  it('reports each unmet expectation', () => {
    const problems = checkReplies({
      outcome: outcome(['Te comunico con una persona de nuestro equipo. Te responderá en breve.'], true),
      expect: { contains: ['S0'], handoff: false, showsOrderTotal: true },
      language: 'en',
      orderTotal: 42483,
    });
    expect(problems).toEqual([
      'missing "S0"',
      'handed to a person',
      'reply language es, expected en',
      'does not show the order total 42.483',
    ]);
  });

  it("checks that Odoo's total is in the reply", () => {
    expect(
      checkReplies({
        outcome: outcome(['*Total: $42.483*']),
        expect: { showsOrderTotal: true },
        language: undefined,
        orderTotal: 42483,
      }),
    ).toEqual([]);
  });

  it('judges no language on a very short reply, and silence only when asked', () => {
    expect(
      checkReplies({
        outcome: outcome(['¡Con gusto! 👍']),
        expect: {},
        language: 'pt',
        orderTotal: undefined,
      }),
    ).toEqual([]);
    expect(
      checkReplies({
        outcome: outcome([]),
        expect: { answered: true },
        language: 'es',
        orderTotal: undefined,
      }),
    ).toEqual(['no reply']);
  });
});
