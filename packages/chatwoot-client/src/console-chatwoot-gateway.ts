import type {
  ChatwootGateway,
  ConversationRef,
  ConversationSnapshot,
  ConversationStatus,
  OutgoingMessage,
  TypingStatus,
} from '@mcp-crew/core';

export interface ConsoleChatwootGatewayOptions {
  tenantId: string;
  /** Where each line goes (default stdout). An MCP server on stdio must pass stderr. */
  write?: (line: string) => void;
}

interface ConversationState {
  status: ConversationStatus;
  labels: string[];
  customAttributes: Record<string, unknown>;
}

const MAX_SHOWN_CHARS = 500;

/**
 * Stands in for Chatwoot when a tenant has none configured (a demo on one machine): prints each action as
 * one readable line and keeps status, labels and attributes in memory so later reads agree. Nothing is
 * delivered to anyone; the lines say "console" so nobody mistakes them for real sends.
 */
export class ConsoleChatwootGateway implements ChatwootGateway {
  readonly #conversations = new Map<string, ConversationState>();
  readonly #write: (line: string) => void;
  readonly #prefix: string;
  #nextMessageId = 1;

  constructor(options: ConsoleChatwootGatewayOptions) {
    this.#prefix = `[chatwoot:${options.tenantId}]`;
    this.#write = options.write ?? ((line) => process.stdout.write(`${line}\n`));
  }

  async sendMessage(ref: ConversationRef, message: OutgoingMessage): Promise<{ id: number }> {
    this.#say(ref, `<- reply: ${quote(message.content)}`);
    return { id: this.#nextMessageId++ };
  }

  async addPrivateNote(ref: ConversationRef, content: string): Promise<{ id: number }> {
    this.#say(ref, `<- private note: ${quote(content)}`);
    return { id: this.#nextMessageId++ };
  }

  async addLabels(ref: ConversationRef, labels: string[]): Promise<string[]> {
    const state = this.#state(ref);
    state.labels = [...new Set([...state.labels, ...labels])];
    this.#say(ref, `labels: ${state.labels.join(', ')}`);
    return [...state.labels];
  }

  async setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void> {
    const state = this.#state(ref);
    state.customAttributes = { ...state.customAttributes, ...attributes };
    this.#say(ref, `attributes: ${JSON.stringify(attributes)}`);
  }

  async toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void> {
    this.#state(ref).status = status;
    this.#say(ref, status === 'open' ? 'status: open (handed to a human)' : `status: ${status}`);
  }

  async getConversation(ref: ConversationRef): Promise<ConversationSnapshot> {
    const state = this.#state(ref);
    return {
      id: ref.conversationId,
      status: state.status,
      labels: [...state.labels],
      customAttributes: { ...state.customAttributes },
      inboxId: 0,
      channel: 'console',
    };
  }

  async toggleTyping(ref: ConversationRef, status: TypingStatus): Promise<void> {
    this.#say(ref, `typing: ${status}`);
  }

  // A conversation the bot has not touched yet is one it owns, as after a fresh webhook.
  #state(ref: ConversationRef): ConversationState {
    const key = `${ref.accountId}:${ref.conversationId}`;
    let state = this.#conversations.get(key);
    if (!state) {
      state = { status: 'pending', labels: [], customAttributes: {} };
      this.#conversations.set(key, state);
    }
    return state;
  }

  #say(ref: ConversationRef, text: string): void {
    this.#write(`${this.#prefix} conversation ${ref.conversationId} ${text}`);
  }
}

// JSON quoting keeps a multi-line reply on one line; very long ones are cut for the console only.
function quote(content: string): string {
  const shown = content.length > MAX_SHOWN_CHARS ? `${content.slice(0, MAX_SHOWN_CHARS)}…` : content;
  return JSON.stringify(shown);
}
