import type {
  ChatwootGateway,
  ConversationRef,
  ConversationSnapshot,
  ConversationStatus,
  IdempotencyStore,
  OutgoingMessage,
  TenantId,
  TypingStatus,
} from '@mcp-crew/core';
import { currentTurnScope, deadlineExceeded, nextEffectKey } from '@mcp-crew/reliability';

/**
 * The turn's outbox to Chatwoot: every message and private note of a turn gets a key from the turn's key
 * and its position (`{turnKey}:chatwoot_message:{n}`); a message whose key is recorded was sent already and
 * is not sent again when the turn is retried or re-run after a worker died. The intent is recorded before
 * the send, so a worker killed after Chatwoot got the message (before it answered) does not send it twice;
 * the price is at most once in that window. A turn abandoned at its deadline sends nothing more. Labels, attributes and the status are idempotent in Chatwoot and pass through.
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

  // Not keyed and not stopped by the deadline: switching typing off must still happen after an abandoned turn.
  toggleTyping(ref: ConversationRef, status: TypingStatus): Promise<void> {
    return this.inner.toggleTyping(ref, status);
  }

  async #once(send: () => Promise<{ id: number }>): Promise<{ id: number }> {
    if (currentTurnScope()?.signal.aborted) throw deadlineExceeded();
    // Outside a turn (the copilot, `crew chat`) there is no key and the message is simply sent.
    const key = nextEffectKey('chatwoot_message');
    if (!key) return send();
    const recorded = (await this.sent.get(this.tenantId, key)) as OutboxEntry | undefined;
    // Sent, or being sent when a worker died: Chatwoot may hold it already (a bot token cannot list
    // messages to check), so it is not sent again. Duplicates are worse than the rare lost message.
    if (recorded && recorded.state !== 'failed') return { id: recorded.id ?? 0 };
    await this.sent.put(this.tenantId, key, { state: 'sending' } satisfies OutboxEntry);
    let result: { id: number };
    try {
      result = await send();
    } catch (error) {
      // Chatwoot answered with an error: it did not take the message, and a retry must send it.
      await this.sent.put(this.tenantId, key, { state: 'failed' } satisfies OutboxEntry);
      throw error;
    }
    await this.sent.put(this.tenantId, key, { state: 'sent', id: result.id } satisfies OutboxEntry);
    return result;
  }
}

/** The outbox's record of one message: intent first, then the id Chatwoot gave it. */
interface OutboxEntry {
  state: 'sending' | 'sent' | 'failed';
  id?: number;
}
