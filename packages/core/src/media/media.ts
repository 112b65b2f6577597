import type { Language, SpecialistKind, TenantConfig } from '../tenant/tenant.js';

/** What Chatwoot says an attachment is (`attachments[].file_type`); anything else is `file`. */
export type AttachmentKind = 'audio' | 'image' | 'video' | 'file' | 'location';

/**
 * An attachment of a customer's message, from Chatwoot's `attachments[]` (Attachment#push_event_data). The
 * URL is Chatwoot's (`data_url`): fetched with the tenant's bot token, never handed to a model as a link.
 */
export interface MessageAttachment {
  id: number;
  kind: AttachmentKind;
  url?: string;
  contentType?: string;
  /** Chatwoot's transcription of a voice note (`transcribed_text`), or the tenant's endpoint's once read. */
  transcript?: string;
  /** What a vision model saw in an image, once described. */
  description?: string;
}

/** An attachment's bytes, as fetched from Chatwoot. */
export interface MediaFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Fetches an attachment through the tenant's Chatwoot (its URL, its bot token). */
export interface AttachmentFetcher {
  fetch(tenant: TenantConfig, url: string, signal?: AbortSignal): Promise<MediaFile>;
}

/** Speech to text: an OpenAI-compatible `/audio/transcriptions` endpoint (Whisper and the like). */
export interface Transcriber {
  transcribe(audio: MediaFile, options: { language?: Language; signal?: AbortSignal }): Promise<string>;
}

/** A vision-capable model that says what a photo shows, in the customer's language. */
export interface ImageDescriber {
  describe(image: MediaFile, options: { language: Language; signal?: AbortSignal }): Promise<string>;
}

/** A tenant's media models as its settings say; undefined = none configured (the crew's fallback applies). */
export interface MediaModels {
  transcriber(tenant: TenantConfig): Transcriber | undefined;
  /** The vision model of `kind` (the crew's default specialist), else any vision-capable one of the tenant. */
  describer(tenant: TenantConfig, kind: SpecialistKind): ImageDescriber | undefined;
}
