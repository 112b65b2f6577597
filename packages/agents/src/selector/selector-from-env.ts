import { createOpenAI } from '@ai-sdk/openai';
import { DeterministicSelector, type SpecialistSelector } from '@mcp-crew/core';
import { DEFAULT_OPENAI_MODEL, modelLimitsFromEnv, type ModelEnv } from '../model/model-from-env.js';
import { withResilience } from '../model/resilient-model.js';
import { ModelSelector } from './model-selector.js';

/**
 * The specialist selector from the environment: the model-based one when OPENAI_API_KEY is set (same
 * endpoint and model as the specialists), falling back to the deterministic one on any error; the
 * deterministic one alone otherwise.
 */
export function selectorFromEnv(env: ModelEnv, onFallback?: (error: unknown) => void): SpecialistSelector {
  const deterministic = new DeterministicSelector();
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return deterministic;
  const provider = createOpenAI({ apiKey, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
  // Same timeout and retries as the specialists' model (OPENAI_TIMEOUT_MS, OPENAI_MAX_RETRIES).
  const model = withResilience(provider.chat(env.OPENAI_MODEL?.trim() || DEFAULT_OPENAI_MODEL), modelLimitsFromEnv(env));
  return new ModelSelector({ model, fallback: deterministic, onFallback });
}
