import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import { createOfflineEngine } from '../engine/offline-engine.js';
import { withFallback } from './fallback-model.js';

export const DEFAULT_OPENAI_MODEL = 'gpt-4o';

export interface ModelEnv {
  OPENAI_API_KEY?: string;
  /** Any OpenAI-compatible endpoint: Ollama, vLLM, OpenRouter. */
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
}

/**
 * The language model from the environment: OpenAI (or a compatible endpoint) with the offline engine as
 * the fallback when it fails, or the offline engine alone when no key is set.
 */
export function modelFromEnv(env: ModelEnv, onFallback?: (error: unknown) => void): LanguageModelV3 {
  const offline = createOfflineEngine();
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return offline;
  const provider = createOpenAI({ apiKey, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
  // The chat completions API: the one OpenAI-compatible servers implement.
  return withFallback(provider.chat(env.OPENAI_MODEL?.trim() || DEFAULT_OPENAI_MODEL), offline, onFallback);
}
