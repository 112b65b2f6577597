import type { Mastra } from '@mastra/core/mastra';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { DeterministicSelector, type SpecialistSelector } from '@mcp-crew/core';
import { ModelSelector } from './model-selector.js';

/**
 * The specialist selector: model-based over the hosted model when there is one (the specialists' model),
 * falling back to the deterministic one on any error; the deterministic one alone otherwise.
 */
export function createSelector(
  hosted: LanguageModelV3 | undefined,
  onFallback?: (error: unknown) => void,
  mastra?: Mastra,
): SpecialistSelector {
  const deterministic = new DeterministicSelector();
  return hosted
    ? new ModelSelector({ model: hosted, fallback: deterministic, onFallback, ...(mastra ? { mastra } : {}) })
    : deterministic;
}
