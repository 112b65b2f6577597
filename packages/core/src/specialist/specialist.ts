import type { ConversationState } from '../conversation/conversation-state.js';
import type { CrewDefinition } from '../crew/crew.js';
import type { SpecialistKeywords } from '../crew/vocabulary.js';
import type { Turn } from '../message/message.js';
import type { SpecialistKind, TenantConfig } from '../tenant/tenant.js';

/** Why a conversation goes to a human; shown in the private note and as a label. */
export type HandoffReason =
  | 'customer_asked'
  | 'no_specialist'
  | 'out_of_scope'
  | 'repeated_failure'
  | 'processing_failed'
  | 'deadline_passed'
  | 'escalation_rule'
  | 'angry_customer'
  /** A night-shift crew in business hours: people answer, the bot stays silent. */
  | 'night_shift'
  // A voice note or photo the crew could not read (no transcription, no vision model) and chose to hand over.
  | 'media_unreadable';

export interface Handoff {
  reason: HandoffReason;
  /** The private note for the human: what happened and what was done. */
  note: string;
}

/** One tool call of a turn, as the specialist saw it: for the figures check, memory, logs and reports. */
export interface ToolCallRecord {
  tool: string;
  input: Record<string, unknown>;
  ok: boolean;
  /** The text the tool returned (or why it failed or was refused). */
  text: string;
  /** The structured result, when it succeeded. */
  result?: Record<string, unknown>;
  /** Set when a guard refused the call before it reached the server. */
  refused?: string;
}

/** What one specialist turn did: the model that answered, the tools it called, how it ended. */
export interface SpecialistTrace {
  model: string;
  tools: ToolCallRecord[];
  outcome: 'answered' | 'handoff' | 'refused_figures';
  /** Tokens the model spent this turn (0 on the offline engine). */
  tokens: number;
  /** True when the conversation's token budget was spent, so the offline engine answered instead of the model. */
  budgetExceeded?: boolean;
  /**
   * Set on the one turn that used up the conversation's token budget (its spend reached the budget): from
   * the next turn on the offline engine answers. The pipeline warns and tells the team once.
   */
  budgetSpent?: { spent: number; budget: number };
}

/** A business record a turn created or changed (a quotation, a lead, a ticket, a visit), with its form link. */
export interface TouchedRecord {
  /** The ERP model, e.g. `sale.order`. */
  model: string;
  id: number;
  displayName: string;
  url?: string;
}

/** What a specialist decided for a turn. Replies go through the channel policy before they are sent. */
export interface SpecialistResult {
  replies: string[];
  handoff?: Handoff;
  labels?: string[];
  attributes?: Record<string, unknown>;
  /** Conversation facts the specialist learned (partner, quotation, pending confirmation); merged into the state. */
  state?: Partial<Omit<ConversationState, 'history' | 'crew' | 'specialist'>>;
  /** The records the turn's successful writes touched, each once. */
  touched?: TouchedRecord[];
  /** What the turn did, for logs, metrics and `crew chat`. */
  trace?: SpecialistTrace;
}

export interface SpecialistContext {
  tenant: TenantConfig;
  crew: CrewDefinition;
  specialist: SpecialistKind;
  /** What the conversation remembers from earlier turns (history, partner, quotation, pending confirmation). */
  state?: ConversationState;
}

/** A specialist answers a turn. The agents issue implements it with Mastra agents. */
export interface Specialist {
  handle(turn: Turn, context: SpecialistContext): Promise<SpecialistResult>;
}

/** Gives the specialist for a kind, or undefined when none is configured. */
export interface SpecialistRegistry {
  get(tenant: TenantConfig, kind: SpecialistKind): Specialist | undefined;
}

export interface SelectorInput {
  turn: Turn;
  /** The tenant whose turn it is: its model settings choose the selector's model. */
  tenant?: TenantConfig;
  /** The specialist that handled the conversation last, if any. */
  current?: SpecialistKind;
  /**
   * The conversation before this turn (customer and bot messages, oldest first), so a short reply ("sí, esa"
   * after a product list) is read as the follow-up it is. A model-based selector sends the last few.
   */
  history?: ConversationState['history'];
  /**
   * The current specialist showed a summary and waits for the customer's yes: a question before the yes
   * ("¿incluye el domicilio?") is answered there, so the pending confirmation is not lost to another specialist.
   */
  awaitingYes?: boolean;
  enabled: readonly SpecialistKind[];
  /** The crew's fallback when the turn gives no signal; the first enabled member when absent or disabled. */
  defaultSpecialist?: SpecialistKind;
  language: string;
  /** The crew's routing keywords (its vocabulary); without them only the default specialist is chosen. */
  keywords?: SpecialistKeywords;
}

export interface Selection {
  specialist: SpecialistKind;
  /** `kept` when the conversation stays with its specialist; `matched` / `default` otherwise. */
  reason: 'kept' | 'matched' | 'default';
  /** The words that decided it, for logs and `crew chat`. */
  evidence: string[];
}

/** Picks the specialist inside a crew. A deterministic one ships; a model-based one comes later. */
export interface SpecialistSelector {
  select(input: SelectorInput): Promise<Selection>;
}
