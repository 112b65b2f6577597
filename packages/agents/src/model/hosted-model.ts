import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import type { Secret } from '@mcp-crew/core';
import type { TenantBreakers } from '@mcp-crew/reliability';
import { withResilience } from './resilient-model.js';
import { withTextToolResults } from './text-tool-results.js';

/** A hosted chat model: OpenAI or any OpenAI-compatible endpoint (validated settings, see @mcp-crew/config). */
export interface HostedModelSettings {
  apiKey: Secret;
  /** Any OpenAI-compatible endpoint: Ollama, vLLM, OpenRouter. */
  baseUrl?: string;
  model: string;
  /** Per-call timeout; a call past it is aborted and retried. */
  timeoutMs: number;
  /** Retries on 429/5xx/timeouts before the caller's fallback answers. */
  maxRetries: number;
}

/**
 * The hosted model, each call bounded by a timeout and retried on retryable failures; with `breakers`, a
 * tenant whose endpoint failed several times in a row gets its calls failed at once for a while.
 */
export function createHostedModel(settings: HostedModelSettings, breakers?: TenantBreakers): LanguageModelV3 {
  const provider = createOpenAI({
    apiKey: settings.apiKey.reveal(),
    ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
  });
  // The chat completions API: the one OpenAI-compatible servers implement.
  return withResilience(withTextToolResults(provider.chat(settings.model)), {
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    ...(breakers ? { breakers } : {}),
  });
}
