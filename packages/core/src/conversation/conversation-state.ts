import type { TenantId, SpecialistKind, CrewName } from '../tenant/tenant.js';

/** What the pipeline remembers about a conversation between turns. */
export interface ConversationState {
  crew?: CrewName;
  specialist?: SpecialistKind;
  /** Recent turns (customer and bot), oldest first, bounded. */
  history: Array<{ role: 'customer' | 'bot'; text: string; at: string }>;
  updatedAt?: string;
}

export const EMPTY_CONVERSATION_STATE: ConversationState = { history: [] };

/** Conversation state, always addressed by tenant and conversation. */
export interface ConversationStateStore {
  load(tenantId: TenantId, conversationId: number): Promise<ConversationState>;
  save(tenantId: TenantId, conversationId: number, state: ConversationState): Promise<void>;
}
