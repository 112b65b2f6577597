import type { LoadedScenario } from '../scenario/schema.js';
import { checkReplies } from './check-replies.js';
import { checkErp, markErp, newOrders } from './erp-state.js';
import type { EvalTarget } from './target.js';

/** One turn as it happened: what the customer said and what came back. */
export interface TurnRecord {
  say: string;
  replies: string[];
  handoff: boolean;
  /** Private notes left for the agents in this turn (a handoff says why). */
  notes: string[];
  problems: string[];
}

/** One run of one scenario. */
export interface ScenarioRun {
  id: string;
  category: LoadedScenario['category'];
  channel: LoadedScenario['channel'];
  file: string;
  run: number;
  passed: boolean;
  /** Every unmet expectation, each prefixed with where it was checked (turn N, ERP, conversation). */
  problems: string[];
  turns: TurnRecord[];
  ms: number;
}

/**
 * Plays a scenario's turns against the target, checking each turn's replies as it goes and the ERP's end
 * state at the end. A crash (the crew threw) fails the run with its message instead of stopping the suite.
 */
export async function runScenario(
  target: EvalTarget,
  scenario: LoadedScenario,
  run: number,
): Promise<ScenarioRun> {
  const started = Date.now();
  const turns: TurnRecord[] = [];
  const problems: string[] = [];
  try {
    const conversation = await target.begin(scenario, run);
    const mark = await markErp(target.erp);
    let handedOver = false;
    for (const [i, turn] of scenario.turns.entries()) {
      const outcome = await conversation.send(turn.say);
      handedOver ||= outcome.handoff;
      const orderTotal = turn.expect?.showsOrderTotal
        ? (await newOrders(target.erp, mark)).at(-1)?.amountTotal
        : undefined;
      const found = [
        ...(outcome.problems ?? []),
        ...checkReplies({ outcome, expect: turn.expect, language: scenario.language, orderTotal }),
      ];
      turns.push({
        say: turn.say,
        replies: outcome.replies,
        handoff: outcome.handoff,
        notes: outcome.notes,
        problems: found,
      });
      problems.push(...found.map((p) => `turn ${i + 1}: ${p}`));
    }
    if (scenario.expect.handoff !== undefined && handedOver !== scenario.expect.handoff) {
      problems.push(
        `conversation: ${scenario.expect.handoff ? 'never handed to a person, expected a handoff' : 'handed to a person, expected the bot to handle it'}`,
      );
    }
    problems.push(...(await checkErp(target.erp, mark, scenario.expect.erp)));
  } catch (error) {
    problems.push(`crashed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    id: scenario.id,
    category: scenario.category,
    channel: scenario.channel,
    file: scenario.file,
    run,
    passed: problems.length === 0,
    problems,
    turns,
    ms: Date.now() - started,
  };
}
