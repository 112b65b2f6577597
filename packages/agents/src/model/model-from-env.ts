import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createOpenAI } from '@ai-sdk/openai';
import { DEFAULT_MODEL_TOKEN_BUDGET } from '@mcp-crew/core';
import { createOfflineEngine } from '../engine/offline-engine.js';
import { withFallback } from './fallback-model.js';
import type { TenantBreakers } from '@mcp-crew/reliability';
import { withResilience } from './resilient-model.js';

export const DEFAULT_OPENAI_MODEL = 'gpt-4o';
export const DEFAULT_OPENAI_TIMEOUT_MS = 30_000;
export const DEFAULT_OPENAI_MAX_RETRIES = 2;

export interface ModelEnv {
  OPENAI_API_KEY?: string;
  /** Any OpenAI-compatible endpoint: Ollama, vLLM, OpenRouter. */
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
  /** Per-call timeout in ms (default 30000); a call past it is aborted and retried. */
  OPENAI_TIMEOUT_MS?: string;
  /** Retries on 429/5xx/timeouts before the offline engine answers (default 2). */
  OPENAI_MAX_RETRIES?: string;
  /** Model tokens per conversation before its turns use the offline engine (default 20000; 0 = no limit). */
  MODEL_TOKEN_BUDGET_PER_CONVERSATION?: string;
}

/**
 * The language model from the environment: OpenAI (or a compatible endpoint), each call bounded by a
 * timeout and retried on retryable failures, with the offline engine as the fallback once the retries are
 * spent; or the offline engine alone when no key is set.
 */
export function modelFromEnv(env: ModelEnv, onFallback?: (error: unknown) => void, offline: LanguageModelV3 = createOfflineEngine(), breakers?: TenantBreakers): LanguageModelV3 {
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) return offline;
  const provider = createOpenAI({ apiKey, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) });
  // The chat completions API: the one OpenAI-compatible servers implement.
  const hosted = withResilience(provider.chat(env.OPENAI_MODEL?.trim() || DEFAULT_OPENAI_MODEL), { ...modelLimitsFromEnv(env), ...(breakers ? { breakers } : {}) });
  return withFallback(hosted, offline, onFallback);
}

/** Timeout and retries from the environment, defaults for unset or invalid values. */
export function modelLimitsFromEnv(env: ModelEnv): { timeoutMs: number; maxRetries: number } {
  return {
    timeoutMs: wholeNumber(env.OPENAI_TIMEOUT_MS, DEFAULT_OPENAI_TIMEOUT_MS, 1),
    maxRetries: wholeNumber(env.OPENAI_MAX_RETRIES, DEFAULT_OPENAI_MAX_RETRIES, 0),
  };
}

/** The per-conversation token budget: only meaningful with a hosted model (the offline engine spends none). */
export function tokenBudgetFromEnv(env: ModelEnv): number {
  return wholeNumber(env.MODEL_TOKEN_BUDGET_PER_CONVERSATION, DEFAULT_MODEL_TOKEN_BUDGET, 0);
}

function wholeNumber(value: string | undefined, fallback: number, min: number): number {
  const n = Number(value?.trim());
  return value?.trim() && Number.isInteger(n) && n >= min ? n : fallback;
}
