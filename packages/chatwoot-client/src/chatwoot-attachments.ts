import { CrewError, type AttachmentFetcher, type MediaFile, type TenantConfig } from '@mcp-crew/core';
import { chatwootHttpError, chatwootTransportError } from './chatwoot-errors.js';

export interface ChatwootAttachmentsOptions {
  /** Larger files are refused (the transcription and vision endpoints have limits too). */
  maxBytes: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;

/**
 * Fetches an attachment's bytes from the tenant's Chatwoot (`attachments[].data_url`) with its bot token. Only
 * URLs on the tenant's Chatwoot are fetched (a payload cannot make the bot read other hosts); Chatwoot's
 * storage redirect (S3, GCS) is followed without the token, which never leaves Chatwoot's origin.
 */
export class ChatwootAttachments implements AttachmentFetcher {
  readonly #fetch: typeof fetch;

  constructor(private readonly options: ChatwootAttachmentsOptions) {
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  async fetch(tenant: TenantConfig, url: string, signal?: AbortSignal): Promise<MediaFile> {
    const { baseUrl, botToken } = tenant.chatwoot;
    if (!baseUrl) throw refused('the tenant has no Chatwoot URL to fetch attachments from');
    const origin = new URL(baseUrl).origin;
    let target = new URL(url, baseUrl);
    if (target.origin !== origin) throw refused("the attachment is not on the tenant's Chatwoot");
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    for (let hop = 0; ; hop++) {
      const sameOrigin = target.origin === origin;
      let response: Response;
      try {
        response = await this.#fetch(target, {
          redirect: 'manual',
          signal: combined,
          headers: sameOrigin && botToken ? { api_access_token: botToken.reveal() } : {},
        });
      } catch (cause) {
        throw chatwootTransportError({
          method: 'GET',
          path: target.pathname,
          reason: describe(cause),
          cause,
        });
      }
      const next = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && next && hop < MAX_REDIRECTS) {
        target = new URL(next, target);
        continue;
      }
      if (!response.ok)
        throw chatwootHttpError({ method: 'GET', path: target.pathname, status: response.status });
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > this.options.maxBytes) throw tooLarge(this.options.maxBytes);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > this.options.maxBytes) throw tooLarge(this.options.maxBytes);
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      return { bytes, contentType };
    }
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : 'network error';
}

function refused(message: string): CrewError {
  return new CrewError('CHATWOOT_ATTACHMENT_REFUSED', message, { domain: 'chatwoot', category: 'user' });
}

function tooLarge(maxBytes: number): CrewError {
  return new CrewError('CHATWOOT_ATTACHMENT_TOO_LARGE', `the attachment is larger than ${maxBytes} bytes`, {
    domain: 'chatwoot',
    category: 'user',
  });
}
