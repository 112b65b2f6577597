import type { TranscriptionModelV3 } from '@ai-sdk/provider';
import type { Language, MediaFile, Transcriber } from '@mcp-crew/core';

/**
 * Speech to text through an OpenAI-compatible `/audio/transcriptions` endpoint (the AI SDK's OpenAI
 * transcription model: multipart upload, Whisper's JSON answer), bounded by its own timeout and the turn's.
 */
export class OpenAiTranscriber implements Transcriber {
  constructor(
    private readonly model: TranscriptionModelV3,
    private readonly timeoutMs: number,
  ) {}

  async transcribe(
    audio: MediaFile,
    options: { language?: Language; signal?: AbortSignal },
  ): Promise<string> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const result = await this.model.doGenerate({
      audio: audio.bytes,
      mediaType: audio.contentType || 'audio/ogg',
      abortSignal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      // A hint, not a constraint: Whisper still hears another language when the customer speaks one.
      ...(options.language ? { providerOptions: { openai: { language: options.language } } } : {}),
    });
    return result.text.trim();
  }
}
