import {
  turnText,
  type ConversationState,
  type CrewDefinition,
  type Handoff,
  type Selection,
  type SpecialistRegistry,
  type SpecialistResult,
  type SpecialistSelector,
  type SpecialistTrace,
  type TenantConfig,
  type TouchedRecord,
  type Turn,
} from '@mcp-crew/core';
import { matchesEscalation } from './escalation.js';
import { handoffNote } from './handoff-note.js';

/** Turns of history a conversation keeps (customer and bot messages). */
export const HISTORY_LIMIT = 30;

export interface TurnRequest {
  turn: Turn;
  tenant: TenantConfig;
  crew: CrewDefinition;
  /** The conversation's state before this turn, as loaded by the caller. */
  state: ConversationState;
}

/** The answer to one turn, before any channel shaping: what to say, whether a person takes over, what to remember. */
export interface TurnResponse {
  selection: Selection;
  replies: string[];
  handoff?: Handoff;
  labels?: string[];
  attributes?: Record<string, unknown>;
  /** The conversation's state after this turn (history appended, what the specialist learned merged): the caller saves it. */
  state: ConversationState;
  /** Records the turn created or changed. */
  touched: TouchedRecord[];
  /** What the specialist did (absent when no specialist ran: an escalation phrase, none configured). */
  trace?: SpecialistTrace;
}

export interface RespondToTurnDeps {
  selector: SpecialistSelector;
  specialists: SpecialistRegistry;
}

/**
 * The one way a turn is answered, whoever asks (the Chatwoot turn processor, the Odoo copilot, `crew chat`):
 * select the specialist, run it, merge what it learned into the conversation's state. Channel shaping and
 * delivery belong to the caller; loading and saving the state too, so each caller orders them with its I/O.
 */
export class RespondToTurn {
  constructor(private readonly deps: RespondToTurnDeps) {}

  async respond(request: TurnRequest): Promise<TurnResponse> {
    const { turn, tenant, crew, state } = request;
    const text = turnText(turn);
    const selection = await this.deps.selector.select({
      turn,
      tenant,
      current: state.crew === crew.name ? state.specialist : undefined,
      history: state.history,
      awaitingYes: state.crew === crew.name && state.pendingConfirmation !== undefined,
      enabled: crew.members.filter((m) => tenant.enabledSpecialists.includes(m)),
      defaultSpecialist: crew.defaultSpecialist,
      language: crew.language,
      ...(crew.vocabulary ? { keywords: crew.vocabulary.specialists } : {}),
    });
    const result = await this.run(request, selection, text);
    return {
      selection,
      replies: result.replies,
      ...(result.handoff ? { handoff: result.handoff } : {}),
      ...(result.labels ? { labels: result.labels } : {}),
      ...(result.attributes ? { attributes: result.attributes } : {}),
      state: remember(state, crew, selection, text, result),
      touched: result.touched ?? [],
      ...(result.trace ? { trace: result.trace } : {}),
    };
  }

  private async run(
    { turn, tenant, crew, state }: TurnRequest,
    selection: Selection,
    text: string,
  ): Promise<SpecialistResult> {
    // The crew's escalation phrases hand over before any model runs.
    if (matchesEscalation(text, crew.escalation.keywords)) {
      return {
        replies: [],
        handoff: {
          reason: 'customer_asked',
          note: handoffNote(turn, crew, 'The customer asked for a person.'),
        },
      };
    }
    const specialist = this.deps.specialists.get(tenant, selection.specialist);
    if (!specialist) {
      const why = `No specialist is configured for "${selection.specialist}" in the ${crew.name} crew, so MCP-Crew did not answer.`;
      return { replies: [], handoff: { reason: 'no_specialist', note: handoffNote(turn, crew, why) } };
    }
    return specialist.handle(turn, { tenant, crew, specialist: selection.specialist, state });
  }
}

/** The state after a turn: earlier facts kept, this turn's learned facts applied, history appended and bounded. */
function remember(
  state: ConversationState,
  crew: CrewDefinition,
  selection: Selection,
  text: string,
  result: SpecialistResult,
): ConversationState {
  const at = new Date().toISOString();
  const history = [
    ...state.history,
    { role: 'customer' as const, text, at },
    ...result.replies.map((reply) => ({ role: 'bot' as const, text: reply, at })),
  ].slice(-HISTORY_LIMIT);
  const lastHandoff = result.handoff ? { reason: result.handoff.reason, at } : state.lastHandoff;
  return {
    ...state,
    ...result.state,
    crew: crew.name,
    specialist: selection.specialist,
    history,
    updatedAt: at,
    ...(lastHandoff ? { lastHandoff } : {}),
  };
}
