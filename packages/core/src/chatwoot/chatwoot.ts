/** Where a Chatwoot action is aimed: an account and a conversation display id. */
export interface ConversationRef {
  accountId: number;
  conversationId: number;
}

export interface OutgoingMessage {
  content: string;
  /** For e-mail: the channel's `content_type` stays `text`; CC/BCC are not used by the bot. */
  contentAttributes?: Record<string, unknown>;
}

export type ConversationStatus = 'open' | 'pending' | 'resolved' | 'snoozed';

/** What the customer sees while the bot works: `on` shows "typing…", `off` clears it. */
export type TypingStatus = 'on' | 'off';

export interface ConversationSnapshot {
  id: number;
  status: ConversationStatus;
  labels: string[];
  customAttributes: Record<string, unknown>;
  inboxId: number;
  channel?: string;
}

/**
 * The actions the bot takes in Chatwoot, with an agent-bot token. A bot token may not list messages or
 * touch contacts, so the conversation's history is kept on our side.
 */
export interface ChatwootGateway {
  sendMessage(ref: ConversationRef, message: OutgoingMessage): Promise<{ id: number }>;
  addPrivateNote(ref: ConversationRef, content: string): Promise<{ id: number }>;
  /** Adds labels to those the conversation has (Chatwoot replaces the set, so this reads first). */
  addLabels(ref: ConversationRef, labels: string[]): Promise<string[]>;
  /** Merges attributes into the conversation's custom attributes (read-modify-write). */
  setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void>;
  /** `open` hands a pending conversation to humans. */
  toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void>;
  getConversation(ref: ConversationRef): Promise<ConversationSnapshot>;
  /** Shows or clears the bot's typing indicator (`toggle_typing_status`); cosmetic, so one attempt, no retries. */
  toggleTyping(ref: ConversationRef, status: TypingStatus): Promise<void>;
}
