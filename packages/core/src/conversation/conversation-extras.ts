import type { HandoffReason } from '../specialist/specialist.js';

// Added by augmentation so the conversation's shape grows without rewriting conversation-state.ts
// (owned elsewhere); every store serialises the whole object, so the fields persist like the others.
declare module './conversation-state.js' {
  interface ConversationState {
    /** Model tokens (input + output) this conversation has spent; drives the per-conversation budget. */
    modelTokens?: number;
    /** When the conversation's spend reached its token budget (ISO-8601); cleared if a raised budget reopens it. */
    modelBudgetSpentAt?: string;
    /**
     * Figures (numbers, percentages, order references) the conversation's tools returned in earlier turns,
     * newest kept: a reply may repeat a total shown before, and nothing else without a source.
     */
    knownFigures?: { numbers: number[]; percents: number[]; refs: string[] };
    /** The last time the conversation went to a human, and why (for the interaction summary). */
    lastHandoff?: { reason: HandoffReason; at: string };
  }
}

/**
 * Tokens a conversation may spend on the hosted model before its turns use the offline engine: about 30
 * turns at the measured cost of a turn (`bench/model-tokens.mjs`: 2–8k tokens for a product question, a
 * quotation of three products, a confirmation or a rules question, up to 15k when long knowledge passages
 * are read; 6.7k on average), so a long but ordinary conversation keeps the model and a runaway one stops.
 */
export const DEFAULT_MODEL_TOKEN_BUDGET = 200_000;

/** Whether the conversation has used up its model budget (a budget of 0 or less means no limit). */
export function modelBudgetExceeded(spent: number | undefined, budget: number): boolean {
  return budget > 0 && (spent ?? 0) >= budget;
}
