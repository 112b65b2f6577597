import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import type { Secret } from '@mcp-crew/core';
import type { EndpointBreakers, TenantBreakers } from '@mcp-crew/reliability';
import { modelEndpointId } from './model-endpoint.js';
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

/** The circuit breakers a hosted model's calls go through. */
export interface ModelBreakers {
  /** Per tenant: a tenant whose endpoint failed several times in a row gets its calls failed at once for a while. */
  breakers?: TenantBreakers;
  /** Per endpoint (URL, model, key), shared by every tenant on it: an endpoint that is down fails at once for all. */
  endpoints?: EndpointBreakers;
}

/** The hosted model, each call bounded by a timeout and retried on retryable failures, behind the breakers given. */
export function createHostedModel(
  settings: HostedModelSettings,
  { breakers, endpoints }: ModelBreakers = {},
): LanguageModelV3 {
  const provider = createOpenAI({
    apiKey: settings.apiKey.reveal(),
    ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}),
  });
  // The chat completions API: the one OpenAI-compatible servers implement.
  return withResilience(withTextToolResults(provider.chat(settings.model)), {
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    ...(breakers ? { breakers } : {}),
    ...(endpoints ? { endpoint: { breakers: endpoints, id: modelEndpointId(settings) } } : {}),
  });
}
