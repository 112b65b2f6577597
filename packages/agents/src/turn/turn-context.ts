import { RequestContext } from '@mastra/core/request-context';
import type { Handoff } from '@mcp-crew/core';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import type { ToolGate } from '../tools/tool-gate.js';
import type { TurnFacts } from './turn-facts.js';

/**
 * What one turn carries through a specialist's agent, in Mastra's request context: the agent and its tools
 * are built once per tenant, so everything that belongs to one conversation's turn travels here.
 */
export interface TurnContextValues {
  facts: TurnFacts;
  /** The conversation's guard over tool calls (committing actions, other customers' data). */
  guard: ToolGate;
  /** Every tool call of this turn, in order: for the figures check, what the conversation learns, the trace. */
  records: ToolCallRecord[];
  /** Handoffs the model asked for this turn; the pipeline acts on the first. */
  handoffs: Handoff[];
  /** True when the conversation's token budget is spent: the offline engine answers instead of the model. */
  offline: boolean;
}

export type TurnContext = RequestContext<TurnContextValues>;

export function newTurnContext(values: TurnContextValues): TurnContext {
  return new RequestContext<TurnContextValues>(
    Object.entries(values) as ConstructorParameters<typeof RequestContext<TurnContextValues>>[0],
  );
}

/**
 * The turn's values from the request context a tool or dynamic instruction receives. A call without them
 * did not come through a specialist (nothing to guard it with), so it is refused.
 */
export function turnValues(context: RequestContext<unknown> | undefined): TurnContextValues {
  const turn = context as TurnContext | undefined;
  const guard = turn?.get('guard');
  const records = turn?.get('records');
  const handoffs = turn?.get('handoffs');
  const facts = turn?.get('facts');
  if (!guard || !records || !handoffs || !facts)
    throw new Error('TURN_CONTEXT_MISSING: a specialist tool ran outside a turn');
  return { facts, guard, records, handoffs, offline: turn?.get('offline') === true };
}
