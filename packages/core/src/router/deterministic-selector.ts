import { CrewError } from '../errors/crew-error.js';
import { turnText } from '../message/message.js';
import type { Selection, SelectorInput, SpecialistSelector } from '../specialist/specialist.js';
import type { SpecialistKind } from '../tenant/tenant.js';
import { scoreSpecialists } from './score-specialists.js';

/** A specialist takes over a conversation only with at least one clear-intent term (weight 3)... */
export const SWITCH_MIN_SCORE = 3;
/** ...and a score at least this much higher than the current specialist's on the same text. */
export const SWITCH_MARGIN = 2;

/**
 * Picks the specialist by weighted keyword and phrase matching against the crew's keywords, without a model.
 * A conversation stays with its current specialist unless another one clearly wins, so short
 * follow-ups ("sí", "2", "blanca", "gracias") never move it.
 */
export class DeterministicSelector implements SpecialistSelector {
  async select(input: SelectorInput): Promise<Selection> {
    const enabled = input.enabled;
    const fallback =
      input.defaultSpecialist && enabled.includes(input.defaultSpecialist)
        ? input.defaultSpecialist
        : enabled[0];
    if (fallback === undefined) {
      throw new CrewError('NO_SPECIALIST_ENABLED', 'the crew has no enabled specialist to answer this turn', {
        domain: 'router',
        category: 'user',
      });
    }
    const scores = scoreSpecialists(turnText(input.turn), input.keywords ?? {});
    const current = input.current && enabled.includes(input.current) ? input.current : undefined;

    if (current) {
      // Waiting for a yes, a business-rules question stays with the current specialist (it searches the rules too).
      const challenger = best(
        enabled.filter((k) => k !== current && !(input.awaitingYes && k === 'business_rules')),
        scores,
        fallback,
      );
      const held = scores[current].score;
      if (challenger && challenger.score >= SWITCH_MIN_SCORE && challenger.score - held >= SWITCH_MARGIN) {
        return { specialist: challenger.kind, reason: 'matched', evidence: scores[challenger.kind].evidence };
      }
      return { specialist: current, reason: 'kept', evidence: scores[current].evidence };
    }

    const top = best(enabled, scores, fallback);
    if (top && top.score > 0)
      return { specialist: top.kind, reason: 'matched', evidence: scores[top.kind].evidence };
    return { specialist: fallback, reason: 'default', evidence: [] };
  }
}

/** The highest score; on a tie the crew's default specialist, then the earlier enabled member. */
function best(
  kinds: readonly SpecialistKind[],
  scores: Record<SpecialistKind, { score: number }>,
  fallback: SpecialistKind,
): { kind: SpecialistKind; score: number } | undefined {
  let winner: { kind: SpecialistKind; score: number } | undefined;
  for (const kind of kinds) {
    const score = scores[kind].score;
    if (!winner || score > winner.score || (score === winner.score && kind === fallback))
      winner = { kind, score };
  }
  return winner;
}
