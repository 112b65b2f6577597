import type {
  ChatwootGateway,
  ConversationRef,
  ConversationSnapshot,
  ConversationStatus,
  OutgoingMessage,
  TypingStatus,
} from '@mcp-crew/core';

/**
 * The Chatwoot side of one eval conversation: records what the bot would have sent (replies, private notes,
 * the handoff) instead of calling a Chatwoot server, and answers reads like a fresh pending conversation.
 */
export class RecordingChatwoot implements ChatwootGateway {
  replies: string[] = [];
  notes: string[] = [];
  handedOver = false;
  private status: ConversationStatus = 'pending';
  private labels: string[] = [];
  private attributes: Record<string, unknown> = {};
  private nextId = 1;
  /** Every typing change in order, so an eval can check the indicator always ends `off`. */
  typing: TypingStatus[] = [];

  /** What the bot said since the last call, and empties the buffers for the next turn. */
  drain(): { replies: string[]; notes: string[] } {
    const out = { replies: this.replies, notes: this.notes };
    this.replies = [];
    this.notes = [];
    return out;
  }

  async sendMessage(_ref: ConversationRef, message: OutgoingMessage): Promise<{ id: number }> {
    this.replies.push(message.content);
    return { id: this.nextId++ };
  }

  async addPrivateNote(_ref: ConversationRef, content: string): Promise<{ id: number }> {
    this.notes.push(content);
    return { id: this.nextId++ };
  }

  async addLabels(_ref: ConversationRef, labels: string[]): Promise<string[]> {
    this.labels = [...new Set([...this.labels, ...labels])];
    return this.labels;
  }

  async setCustomAttributes(_ref: ConversationRef, attributes: Record<string, unknown>): Promise<void> {
    this.attributes = { ...this.attributes, ...attributes };
  }

  async toggleStatus(_ref: ConversationRef, status: ConversationStatus): Promise<void> {
    this.status = status;
    if (status === 'open') this.handedOver = true;
  }

  async toggleTyping(_ref: ConversationRef, status: TypingStatus): Promise<void> {
    this.typing.push(status);
  }

  async getConversation(ref: ConversationRef): Promise<ConversationSnapshot> {
    return {
      id: ref.conversationId,
      status: this.status,
      labels: this.labels,
      customAttributes: this.attributes,
      inboxId: 0,
    };
  }
}
