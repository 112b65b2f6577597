/**
 * The private note that tells the team a conversation spent its model token budget: from the next turn on
 * the offline engine answers it, which a person reading the conversation should know (the answers change).
 */
export function budgetSpentNote(spent: { spent: number; budget: number }): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return [
    `MCP-Crew: this conversation has spent its language model budget (${n(spent.spent)} of ${n(spent.budget)} tokens).`,
    "From now on the offline engine answers it (rules and the business's knowledge, no language model).",
    "To give it the model back, raise the tenant's model token budget (`model.tokenBudget`, or MODEL_TOKEN_BUDGET_PER_CONVERSATION for every tenant).",
  ].join(' ');
}
