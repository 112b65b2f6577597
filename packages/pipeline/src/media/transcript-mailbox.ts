import type { IdempotencyStore, TenantId } from '@mcp-crew/core';

/** How long a delivered transcription is kept for the turn that waits for it. */
const TRANSCRIPT_TTL_MS = 60 * 60 * 1000;

/**
 * Where the webhook leaves a voice note's transcription (Chatwoot's `message_updated`) for the turn that is
 * answering that note. The update itself is not queued again when the note was already taken (message-level
 * dedupe): the waiting turn reads the transcription from here. Kept in the shared idempotency store, so the
 * webhook and the worker may be different processes.
 */
export class TranscriptMailbox {
  constructor(private readonly store: IdempotencyStore) {}

  async put(tenantId: TenantId, conversationId: number, messageId: number, text: string): Promise<void> {
    await this.store.put(tenantId, key(conversationId, messageId), text, TRANSCRIPT_TTL_MS);
  }

  async get(tenantId: TenantId, conversationId: number, messageId: number): Promise<string | undefined> {
    const found = await this.store.get(tenantId, key(conversationId, messageId));
    return typeof found === 'string' && found.length > 0 ? found : undefined;
  }
}

function key(conversationId: number, messageId: number): string {
  return `voice-transcript:${conversationId}:${messageId}`;
}
