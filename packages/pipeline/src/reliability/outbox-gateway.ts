import type {
  ChatwootGateway,
  ConversationRef,
  ConversationSnapshot,
  ConversationStatus,
  IdempotencyStore,
  OutgoingMessage,
  TenantId,
} from '@mcp-crew/core';
import { currentTurnScope, deadlineExceeded, nextEffectKey } from '@mcp-crew/reliability';

/**
 * The turn's outbox to Chatwoot: every message and private note of a turn gets a key from the turn's key
 * and its position (`{turnKey}:chatwoot_message:{n}`); a message whose key is recorded was sent already and
 * is not sent again when the turn is retried or re-run after a worker died. A turn abandoned at its deadline
 * sends nothing more. Labels, attributes and the status are idempotent in Chatwoot and pass through.
 */
export class OutboxGateway implements ChatwootGateway {
  constructor(
    private readonly inner: ChatwootGateway,
    private readonly tenantId: TenantId,
    private readonly sent: IdempotencyStore,
  ) {}

  sendMessage(ref: ConversationRef, message: OutgoingMessage): Promise<{ id: number }> {
    return this.#once(() => this.inner.sendMessage(ref, message));
  }

  addPrivateNote(ref: ConversationRef, content: string): Promise<{ id: number }> {
    return this.#once(() => this.inner.addPrivateNote(ref, content));
  }

  addLabels(ref: ConversationRef, labels: string[]): Promise<string[]> {
    return this.inner.addLabels(ref, labels);
  }

  setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void> {
    return this.inner.setCustomAttributes(ref, attributes);
  }

  toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void> {
    return this.inner.toggleStatus(ref, status);
  }

  getConversation(ref: ConversationRef): Promise<ConversationSnapshot> {
    return this.inner.getConversation(ref);
  }

  async #once(send: () => Promise<{ id: number }>): Promise<{ id: number }> {
    if (currentTurnScope()?.signal.aborted) throw deadlineExceeded();
    // Outside a turn (the copilot, `crew chat`) there is no key and the message is simply sent.
    const key = nextEffectKey('chatwoot_message');
    if (!key) return send();
    const recorded = (await this.sent.get(this.tenantId, key)) as { id: number } | undefined;
    if (recorded) return recorded;
    const result = await send();
    await this.sent.put(this.tenantId, key, { id: result.id });
    return result;
  }
}
