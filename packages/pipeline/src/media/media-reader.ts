import {
  isCrewError,
  type AttachmentFetcher,
  type CrewDefinition,
  type InboundMessage,
  type Language,
  type MediaFile,
  type MediaModels,
  type MessageAttachment,
  type TenantConfig,
  type Turn,
} from '@mcp-crew/core';
import { currentTurnScope, noteActivity, noteFailure } from '@mcp-crew/reliability';
import type { TranscriptMailbox } from './transcript-mailbox.js';

export interface MediaLog {
  warn(obj: object, msg: string): void;
}

export interface MediaReaderDeps {
  /** The tenants' transcription and vision models; absent = none (Chatwoot's transcription only). */
  models?: MediaModels;
  /** Fetches attachments through the tenant's Chatwoot (needed by the models above). */
  fetcher?: AttachmentFetcher;
  /** Where the webhook leaves Chatwoot's late transcriptions. */
  transcripts?: TranscriptMailbox;
  /** Longest wait for Chatwoot's transcription of a voice note. */
  waitMs: number;
  /** Larger attachments are not fetched. */
  maxBytes: number;
  /** Time kept before the turn's deadline for the answer itself (the wait never eats it). */
  reserveMs?: number;
  /** Poll interval of the transcription mailbox. */
  pollMs?: number;
  logger: MediaLog;
}

/** What reading a turn's media gave: the turn with voice notes and photos as text, or what stayed unread. */
export interface ReadTurn {
  turn: Turn;
  /** A message that is only a voice note or a photo, and nothing could read it: the crew's fallback applies. */
  unread?: 'voice' | 'image';
}

/**
 * Turns a turn's voice notes and photos into text the crew can answer: a voice note by Chatwoot's transcription
 * (in the message, or left in the mailbox by a later `message_updated`) or the tenant's transcription
 * endpoint; a photo by the tenant's vision model. Bounded by the turn's deadline: it leaves room to answer.
 */
export class MediaReader {
  constructor(private readonly deps: MediaReaderDeps) {}

  async read(turn: Turn, tenant: TenantConfig, crew: CrewDefinition, language: Language): Promise<ReadTurn> {
    if (!turn.messages.some((m) => m.attachments?.length)) return { turn };
    let unread: ReadTurn['unread'];
    const messages: InboundMessage[] = [];
    for (const message of turn.messages) {
      if (!message.attachments?.length) {
        messages.push(message);
        continue;
      }
      const parts = message.content.trim() ? [message.content.trim()] : [];
      const attachments: MessageAttachment[] = [];
      let missed: ReadTurn['unread'];
      for (const attachment of message.attachments) {
        if (attachment.kind === 'audio') {
          const transcript = await this.transcript(tenant, message, attachment, language);
          if (transcript) parts.push(transcript);
          else missed ??= 'voice';
          attachments.push(transcript ? { ...attachment, transcript } : attachment);
        } else if (attachment.kind === 'image') {
          const description = await this.describe(tenant, crew, attachment, language);
          if (description) parts.push(description);
          else missed ??= 'image';
          attachments.push(description ? { ...attachment, description } : attachment);
        } else attachments.push(attachment);
      }
      // A caption answers for its photo; a message that is only media the crew cannot read gets the fallback.
      if (missed && (!message.content.trim() || missed === 'voice')) unread ??= missed;
      messages.push({ ...message, content: parts.join('\n'), attachments });
    }
    return { turn: { ...turn, messages }, ...(unread ? { unread } : {}) };
  }

  /**
   * The turn with the transcripts already known (in the message, or left in the mailbox by Chatwoot or by an
   * earlier read through the endpoint): no waiting and no model call, for a hand-over's note.
   */
  async known(turn: Turn): Promise<Turn> {
    if (!turn.messages.some((m) => m.attachments?.some((a) => a.kind === 'audio' && !a.transcript)))
      return turn;
    const messages: InboundMessage[] = [];
    for (const message of turn.messages) {
      const attachments: MessageAttachment[] = [];
      for (const attachment of message.attachments ?? []) {
        const transcript =
          attachment.kind === 'audio' && !attachment.transcript ? await this.fromMailbox(message) : undefined;
        attachments.push(transcript ? { ...attachment, transcript } : attachment);
      }
      messages.push(message.attachments ? { ...message, attachments } : message);
    }
    return { ...turn, messages };
  }

  private async transcript(
    tenant: TenantConfig,
    message: InboundMessage,
    attachment: MessageAttachment,
    language: Language,
  ): Promise<string | undefined> {
    if (attachment.transcript) return attachment.transcript;
    const waiting = await this.fromMailbox(message);
    if (waiting) return waiting;
    const transcriber = this.deps.models?.transcriber(tenant);
    if (transcriber && attachment.url) {
      const text = await this.attempt(tenant, message, 'transcription', async (signal) => {
        const audio = await this.fetch(tenant, attachment, signal);
        return transcriber.transcribe(audio, { language, signal });
      });
      if (text?.trim()) {
        // Kept like Chatwoot's, so a later hand-over of this turn (deadline, retries spent) shows it too.
        await this.deps.transcripts
          ?.put(message.tenantId, message.conversationId, message.messageId, text.trim())
          .catch(() => undefined);
        return text.trim();
      }
    }
    return this.waitForMailbox(message);
  }

  private async describe(
    tenant: TenantConfig,
    crew: CrewDefinition,
    attachment: MessageAttachment,
    language: Language,
  ): Promise<string | undefined> {
    const describer = this.deps.models?.describer(tenant, crew.defaultSpecialist);
    if (!describer || !attachment.url) return undefined;
    const text = await this.attempt(tenant, undefined, 'vision', async (signal) => {
      const image = await this.fetch(tenant, attachment, signal);
      return describer.describe(image, { language, signal });
    });
    return text?.trim() || undefined;
  }

  private async fetch(
    tenant: TenantConfig,
    attachment: MessageAttachment,
    signal?: AbortSignal,
  ): Promise<MediaFile> {
    if (!this.deps.fetcher || !attachment.url) throw new Error('no attachment fetcher configured');
    noteActivity(`Chatwoot attachment ${attachment.id} download`);
    const file = await this.deps.fetcher.fetch(tenant, attachment.url, signal);
    if (file.bytes.byteLength > this.deps.maxBytes)
      throw new Error(`attachment ${attachment.id} is larger than ${this.deps.maxBytes} bytes`);
    return attachment.contentType && !file.contentType
      ? { ...file, contentType: attachment.contentType }
      : file;
  }

  /** One model call; a failure is logged and noted for the hand-over, and the crew's fallback takes it from there. */
  private async attempt(
    tenant: TenantConfig,
    message: InboundMessage | undefined,
    what: 'transcription' | 'vision',
    work: (signal?: AbortSignal) => Promise<string>,
  ): Promise<string | undefined> {
    noteActivity(`${what} model call`);
    try {
      return await work(currentTurnScope()?.signal);
    } catch (error) {
      const reason = isCrewError(error)
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : 'unknown error';
      noteFailure(`${what}: ${reason}`);
      this.deps.logger.warn(
        { tenant: tenant.id, conversation: message?.conversationId, err: reason },
        `${what} failed; the crew's media fallback applies`,
      );
      return undefined;
    }
  }

  private async fromMailbox(message: InboundMessage): Promise<string | undefined> {
    if (!this.deps.transcripts) return undefined;
    return this.deps.transcripts.get(message.tenantId, message.conversationId, message.messageId);
  }

  /** Waits for Chatwoot's transcription, up to the wait setting and never into the time kept to answer. */
  private async waitForMailbox(message: InboundMessage): Promise<string | undefined> {
    if (!this.deps.transcripts || this.deps.waitMs <= 0) return undefined;
    const scope = currentTurnScope();
    const reserve = this.deps.reserveMs ?? 3000;
    const until = Math.min(Date.now() + this.deps.waitMs, (scope?.deadlineAt ?? Infinity) - reserve);
    const poll = this.deps.pollMs ?? 200;
    noteActivity("waiting for Chatwoot's transcription of a voice note");
    while (Date.now() < until && !scope?.signal.aborted) {
      await sleep(Math.min(poll, Math.max(0, until - Date.now())));
      const found = await this.fromMailbox(message);
      if (found) return found;
    }
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
