import type { TenantId, SpecialistKind, CrewName } from '../tenant/tenant.js';

/** What the pipeline remembers about a conversation between turns. */
export interface ConversationState {
  crew?: CrewName;
  specialist?: SpecialistKind;
  /** Recent turns (customer and bot), oldest first, bounded. */
  history: Array<{ role: 'customer' | 'bot'; text: string; at: string }>;
  updatedAt?: string;
  /** The customer's Odoo partner; `verified` when found by the Chatwoot contact's phone or e-mail. */
  partner?: {
    id: number;
    name: string;
    verified: boolean;
    /** The company the contact buys for (Odoo's parent): its orders are the contact's orders too. */
    companyId?: number;
  };
  /** The quotation the conversation is working on. */
  quotation?: { id: number; name: string };
  /** Orders created or confirmed in this conversation: the only ones it may read without a verified partner. */
  orderIds?: number[];
  /** A committing action the customer was just shown a summary of; valid for the next turn only. */
  pendingConfirmation?: PendingConfirmation;
}

/** What the customer must say yes to before a committing tool may run (set by code, never by a model). */
export interface PendingConfirmation {
  tool: 'odoo_confirm_quotation' | 'odoo_cancel_quotation' | 'odoo_book_appointment';
  /** The record or slot the summary showed: an order id, or the appointment's start. */
  target: { orderId?: number; start?: string };
  /** What the summary said, for logs and the handoff note. */
  summary: string;
  at: string;
}

export const EMPTY_CONVERSATION_STATE: ConversationState = { history: [] };

/** Conversation state, always addressed by tenant and conversation. */
export interface ConversationStateStore {
  load(tenantId: TenantId, conversationId: number): Promise<ConversationState>;
  save(tenantId: TenantId, conversationId: number, state: ConversationState): Promise<void>;
}
