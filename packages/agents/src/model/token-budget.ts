import { modelBudgetExceeded, type ConversationState, type SpecialistTrace } from '@mcp-crew/core';

type Spend = Pick<ConversationState, 'modelTokens' | 'modelBudgetSpentAt'>;

/**
 * The conversation's model spend after a turn that used `tokens` (as the provider reported them), and
 * whether this is the turn that used up `budget` (0 = no limit). The moment is remembered with the
 * conversation, so the budget trips once however many turns follow (and again only if a raised budget
 * reopened it).
 */
export function spendAfterTurn(
  before: Spend,
  tokens: number,
  budget: number,
  now: Date,
): { state: Spend; budgetSpent?: NonNullable<SpecialistTrace['budgetSpent']> } {
  const spent = (before.modelTokens ?? 0) + tokens;
  const over = modelBudgetExceeded(spent, budget);
  const state: Spend = {
    ...(tokens > 0 ? { modelTokens: spent } : {}),
    modelBudgetSpentAt: over ? (before.modelBudgetSpentAt ?? now.toISOString()) : undefined,
  };
  return over && !before.modelBudgetSpentAt ? { state, budgetSpent: { spent, budget } } : { state };
}
