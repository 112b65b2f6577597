import { CrewError } from '@mcp-crew/core';
import type {
  ChatwootGateway,
  ConversationRateLimiter,
  ConversationRef,
  ConversationSnapshot,
  ConversationStatus,
  OutgoingMessage,
  Secret,
  TypingStatus,
} from '@mcp-crew/core';
import { ChatwootHttp, type RetryOptions } from './chatwoot-http.js';
import { toConversationSnapshot, type ChatwootConversationJson } from './conversation-snapshot.js';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

export interface RateLimitOptions {
  /** Messages per conversation per window; Chatwoot's own limit is 200 a minute. */
  limit?: number;
  windowMs?: number;
  /** Longest a send waits for a slot before failing with `CHATWOOT_RATE_LIMITED`. */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpChatwootGatewayOptions {
  /** Chatwoot's base URL, e.g. `https://chat.example.com`. */
  baseUrl: string;
  /** The Agent Bot's access token, sent as `api_access_token`. */
  botToken: Secret;
  fetch?: typeof fetch;
  retry?: RetryOptions;
  /** Per-attempt timeout in ms (default 10 s). */
  timeoutMs?: number;
  /** `false` turns the per-conversation limiter off. */
  rateLimit?: RateLimitOptions | false;
  /** A shared per-conversation limiter (Redis, for replicas); replaces the in-process one `rateLimit` builds. */
  limiter?: ConversationRateLimiter;
  /** Waits between retries (tests). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

interface MessageJson {
  id: number;
}

/**
 * `ChatwootGateway` over Chatwoot's application API with an Agent Bot token. Labels and custom attributes
 * are read-modify-write because Chatwoot's endpoints replace the whole set. Two writers racing on the same
 * conversation can still lose an update; the pipeline serialises work per conversation.
 */
export class HttpChatwootGateway implements ChatwootGateway {
  readonly #http: ChatwootHttp;
  readonly #limiter: ConversationRateLimiter | undefined;

  constructor(options: HttpChatwootGatewayOptions) {
    this.#http = new ChatwootHttp(options);
    const rate = options.rateLimit;
    this.#limiter =
      options.limiter ??
      (rate === false
        ? undefined
        : new SlidingWindowLimiter({
            limit: rate?.limit ?? 200,
            windowMs: rate?.windowMs ?? 60_000,
            maxWaitMs: rate?.maxWaitMs ?? 15_000,
            now: rate?.now,
            sleep: rate?.sleep,
          }));
  }

  async sendMessage(ref: ConversationRef, message: OutgoingMessage): Promise<{ id: number }> {
    return this.#postMessage(ref, message.content, false, message.contentAttributes ?? {});
  }

  async addPrivateNote(ref: ConversationRef, content: string): Promise<{ id: number }> {
    return this.#postMessage(ref, content, true, {});
  }

  async addLabels(ref: ConversationRef, labels: string[]): Promise<string[]> {
    const current = await this.#http.request<{ payload?: string[] }>('GET', `${base(ref)}/labels`);
    const union = [...new Set([...(current?.payload ?? []), ...labels])];
    const saved = await this.#http.request<{ payload?: string[] }>('POST', `${base(ref)}/labels`, {
      labels: union,
    });
    return saved?.payload ?? union;
  }

  async setCustomAttributes(ref: ConversationRef, attributes: Record<string, unknown>): Promise<void> {
    const conversation = await this.#http.request<ChatwootConversationJson>('GET', base(ref));
    const merged = { ...(conversation.custom_attributes ?? {}), ...attributes };
    await this.#http.request('POST', `${base(ref)}/custom_attributes`, { custom_attributes: merged });
  }

  async toggleStatus(ref: ConversationRef, status: ConversationStatus): Promise<void> {
    await this.#http.request('POST', `${base(ref)}/toggle_status`, { status });
  }

  async getConversation(ref: ConversationRef): Promise<ConversationSnapshot> {
    return toConversationSnapshot(await this.#http.request<ChatwootConversationJson>('GET', base(ref)));
  }

  async toggleTyping(ref: ConversationRef, status: TypingStatus): Promise<void> {
    await this.#http.request(
      'POST',
      `${base(ref)}/toggle_typing_status`,
      { typing_status: status },
      { once: true },
    );
  }

  async #postMessage(
    ref: ConversationRef,
    content: string,
    isPrivate: boolean,
    contentAttributes: Record<string, unknown>,
  ): Promise<{ id: number }> {
    await this.#limiter?.acquire(`${ref.accountId}:${ref.conversationId}`);
    const created = await this.#http.request<MessageJson>('POST', `${base(ref)}/messages`, {
      content,
      message_type: 'outgoing',
      private: isPrivate,
      content_type: 'text',
      content_attributes: contentAttributes,
    });
    return { id: created.id };
  }
}

function base(ref: ConversationRef): string {
  // The ids go into the URL path, so anything but a positive integer is refused before a request is made.
  if (!isId(ref.accountId) || !isId(ref.conversationId)) {
    throw new CrewError(
      'CHATWOOT_BAD_REQUEST',
      `invalid conversation reference ${ref.accountId}/${ref.conversationId}`,
      { domain: 'chatwoot', category: 'user' },
    );
  }
  return `/api/v1/accounts/${ref.accountId}/conversations/${ref.conversationId}`;
}

function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}
