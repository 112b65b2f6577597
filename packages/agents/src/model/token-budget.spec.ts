import { describe, expect, it } from '@jest/globals';
import { spendAfterTurn } from './token-budget.js';

const now = new Date('2026-11-30T15:00:00.000Z');

describe('spendAfterTurn (a conversation’s model spend, and the turn that uses up its budget)', () => {
  it('adds the turn’s tokens and trips on the turn that reaches the budget, once', () => {
    const first = spendAfterTurn({}, 6_000, 10_000, now);
    expect(first).toEqual({ state: { modelTokens: 6_000, modelBudgetSpentAt: undefined } });
    const second = spendAfterTurn(first.state, 5_000, 10_000, now);
    expect(second.budgetSpent).toEqual({ spent: 11_000, budget: 10_000 });
    expect(second.state).toEqual({ modelTokens: 11_000, modelBudgetSpentAt: now.toISOString() });
    // The next turns run offline (no tokens): the moment is kept and nothing trips again.
    const third = spendAfterTurn(second.state, 0, 10_000, new Date('2026-11-30T16:00:00.000Z'));
    expect(third).toEqual({ state: { modelBudgetSpentAt: now.toISOString() } });
  });

  it('reopens when the budget is raised, and never trips without a budget', () => {
    const spent = { modelTokens: 11_000, modelBudgetSpentAt: now.toISOString() };
    expect(spendAfterTurn(spent, 2_000, 50_000, now)).toEqual({
      state: { modelTokens: 13_000, modelBudgetSpentAt: undefined },
    });
    expect(spendAfterTurn({ modelTokens: 90_000 }, 5_000, 0, now).budgetSpent).toBeUndefined();
  });

  it('trips a conversation already past a lowered budget on its next turn', () => {
    expect(spendAfterTurn({ modelTokens: 30_000 }, 0, 20_000, now).budgetSpent).toEqual({
      spent: 30_000,
      budget: 20_000,
    });
  });
});
