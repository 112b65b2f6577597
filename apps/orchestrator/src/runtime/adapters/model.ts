import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { Mastra } from '@mastra/core/mastra';
import {
  createHostedModel,
  createSelector,
  isModelEndpointFailure,
  TenantModels,
  TenantSelector,
  type ModelBreakers,
} from '@mcp-crew/agents';
import type { Settings } from '@mcp-crew/config';
import type { SpecialistSelector } from '@mcp-crew/core';
import { EndpointBreakers, type EndpointEvent } from '@mcp-crew/reliability';
import type { Logger } from 'pino';

type ModelSettings = Pick<
  Settings,
  | 'adapters'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'OPENAI_TIMEOUT_MS'
  | 'OPENAI_MAX_RETRIES'
>;

type TenantModelSettings = ModelSettings &
  Pick<Settings, 'MODEL_TOKEN_BUDGET_PER_CONVERSATION' | 'OPENAI_VISION' | 'OPENAI_TRANSCRIPTION_MODEL'>;

/**
 * One circuit breaker per model endpoint, shared by every tenant on it in this process (the per-tenant ones are
 * in-process too): opened by the endpoint's timeouts, 5xx and connection errors, logged when it opens and
 * closes, and counted (`mcp_crew_model_endpoint_breaker_events_total`).
 */
export function createModelEndpointBreakers(
  settings: Pick<Settings, 'BREAKER_FAILURES' | 'BREAKER_OPEN_SECONDS'>,
  logger: Logger,
  metrics?: { modelEndpoint(endpoint: string, event: EndpointEvent): void },
): EndpointBreakers {
  return new EndpointBreakers({
    counts: isModelEndpointFailure,
    consecutiveFailures: settings.BREAKER_FAILURES,
    halfOpenAfterMs: settings.BREAKER_OPEN_SECONDS * 1000,
    onEvent: (endpoint, event) => {
      metrics?.modelEndpoint(endpoint, event);
      if (event === 'opened')
        logger.warn(
          { endpoint, openSeconds: settings.BREAKER_OPEN_SECONDS },
          'model endpoint failing: its circuit breaker opened; every tenant on it gets the offline engine until a trial call answers',
        );
      else if (event === 'closed')
        logger.info({ endpoint }, 'model endpoint answers again: circuit breaker closed');
    },
  });
}

/**
 * Each tenant's models (chat per specialist, transcription, vision) from its own settings, with the
 * environment's as the default for whatever a tenant does not set; behind the per-tenant and per-endpoint breakers.
 */
export function createTenantModels(settings: TenantModelSettings, guards: ModelBreakers = {}): TenantModels {
  return new TenantModels({
    defaults: {
      ...(settings.OPENAI_API_KEY ? { apiKey: settings.OPENAI_API_KEY } : {}),
      ...(settings.OPENAI_BASE_URL ? { baseUrl: settings.OPENAI_BASE_URL } : {}),
      model: settings.OPENAI_MODEL,
      timeoutMs: settings.OPENAI_TIMEOUT_MS,
      maxRetries: settings.OPENAI_MAX_RETRIES,
      tokenBudget: settings.MODEL_TOKEN_BUDGET_PER_CONVERSATION,
      vision: settings.OPENAI_VISION,
      ...(settings.OPENAI_TRANSCRIPTION_MODEL
        ? { transcriptionModel: settings.OPENAI_TRANSCRIPTION_MODEL }
        : {}),
    },
    ...guards,
  });
}

/**
 * The hosted language model (settings.adapters.model = openai), behind the breakers given; undefined = the
 * offline engine answers alone.
 */
export function createLanguageModel(
  settings: ModelSettings,
  guards: ModelBreakers = {},
): LanguageModelV3 | undefined {
  if (settings.adapters.model !== 'openai' || !settings.OPENAI_API_KEY) return undefined;
  return createHostedModel(
    {
      apiKey: settings.OPENAI_API_KEY,
      model: settings.OPENAI_MODEL,
      timeoutMs: settings.OPENAI_TIMEOUT_MS,
      maxRetries: settings.OPENAI_MAX_RETRIES,
      ...(settings.OPENAI_BASE_URL ? { baseUrl: settings.OPENAI_BASE_URL } : {}),
    },
    guards,
  );
}

/** The specialist selector over the hosted model (deterministic on any error), or the deterministic one; its agent joins `mastra`. */
export function createSpecialistSelector(
  hosted: LanguageModelV3 | undefined,
  logger: Logger,
  mastra?: Mastra,
): SpecialistSelector {
  return createSelector(
    hosted,
    (error) =>
      logger.warn(
        { error: error instanceof Error ? error.message : 'unknown' },
        'specialist selector model failed; the deterministic selector chose',
      ),
    mastra,
  );
}

/**
 * The specialist selector of the Chatwoot pipeline: each tenant's on its own model settings (`model.selector`
 * over its default choice over the environment's), deterministic on any error or without a key.
 */
export function createTenantSelector(
  models: TenantModels,
  logger: Logger,
  mastra?: Mastra,
): SpecialistSelector {
  return new TenantSelector({
    model: (tenant) => models.selector(tenant),
    onFallback: (error) =>
      logger.warn(
        { error: error instanceof Error ? error.message : 'unknown' },
        'specialist selector model failed; the deterministic selector chose',
      ),
    ...(mastra ? { mastra } : {}),
  });
}
