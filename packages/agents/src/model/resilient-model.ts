import { APICallError, type LanguageModelV3, type LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { isAbortError, retryWithExponentialBackoff } from '@ai-sdk/provider-utils';
import { CrewError } from '@mcp-crew/core';
import {
  callBudgetMs,
  currentTurnScope,
  noteActivity,
  noteFailure,
  turnTimedOut,
  type EndpointBreakers,
  type TenantBreakers,
} from '@mcp-crew/reliability';

export interface ResilienceOptions {
  /** Longest one call may take before it is aborted (and retried). */
  timeoutMs: number;
  /** Retries after the first attempt, on 408/409/429/5xx (the provider marks them retryable) and timeouts. */
  maxRetries: number;
  /** First backoff; doubles on each retry. */
  initialDelayMs?: number;
  /** Per-tenant breakers: once the endpoint failed for a tenant several times in a row, its calls fail at once. */
  breakers?: TenantBreakers;
  /**
   * The endpoint's breaker, shared by every tenant calling it (`id` from `modelEndpointId`): once it opened,
   * calls fail at once, before the tenant's breaker or any timeout.
   */
  endpoint?: { breakers: EndpointBreakers; id: string };
  /**
   * The last part of a turn no call may use: kept for the fallback (the offline engine) to answer in, so a
   * hung endpoint costs the customer a slower answer, not a hand-over. Default 3 s.
   */
  fallbackReserveMs?: number;
}

const FALLBACK_RESERVE_MS = 3000;

/**
 * Bounds a hosted model's calls: each attempt gets its own timeout, retryable failures are tried again
 * with exponential backoff (the AI SDK's own retry helper). Sits inside `withFallback`, so the offline
 * engine answers only once the retries are spent.
 */
export function withResilience(model: LanguageModelV3, options: ResilienceOptions): LanguageModelV3 {
  const attempt = <T>(
    call: LanguageModelV3CallOptions,
    run: (call: LanguageModelV3CallOptions) => PromiseLike<T>,
  ): Promise<T> => {
    // Inside a turn, its deadline bounds every attempt and stops the retries (no retry outlives the turn).
    const scope = currentTurnScope();
    const reserveMs = options.fallbackReserveMs ?? FALLBACK_RESERVE_MS;
    const abortSignal =
      scope && call.abortSignal
        ? AbortSignal.any([call.abortSignal, scope.signal])
        : (scope?.signal ?? call.abortSignal);
    const bounded = { ...call, ...(abortSignal ? { abortSignal } : {}) };
    const retry = retryWithExponentialBackoff({
      maxRetries: options.maxRetries,
      initialDelayInMs: options.initialDelayMs ?? 1000,
      ...(abortSignal ? { abortSignal } : {}),
      // No retry that could only wait out the backoff into the fallback's reserve.
      shouldRetry: (error) =>
        ((error instanceof CrewError && error.code === 'MODEL_TIMEOUT') ||
          (APICallError.isInstance(error) && error.isRetryable)) &&
        (!scope || scope.deadlineAt - Date.now() > reserveMs + (options.initialDelayMs ?? 1000)),
      createRetryError: ({ message, errors }) =>
        new CrewError('MODEL_UNAVAILABLE', message, {
          domain: 'model',
          category: 'third_party',
          cause: errors.at(-1),
          details: { attempts: errors.length },
        }),
    });
    const endpoint = options.endpoint;
    const reach = () => {
      // Read before the endpoint's breaker: a step the turn has no time left for never reaches the endpoint, so
      // it must not be its trial call (an error it does not count would close it).
      const budget = callBudgetMs(options.timeoutMs, Date.now(), reserveMs);
      const once = () => withTimeout(bounded, budget, model.modelId, run);
      return endpoint ? endpoint.breakers.run(endpoint.id, once) : once();
    };
    const breakers = options.breakers;
    const guarded = breakers && scope ? () => breakers.run(scope.tenantId, 'model', reach) : reach;
    noteActivity(`model ${model.modelId}`);
    return Promise.resolve(retry(guarded)).catch((error: unknown) => {
      noteFailure(
        `model ${model.modelId}: ${error instanceof CrewError ? `${error.code}: ${error.message}` : 'failed'}`,
      );
      throw error;
    });
  };
  return {
    specificationVersion: 'v3',
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate: (call) => attempt(call, (c) => model.doGenerate(c)),
    doStream: (call) => attempt(call, (c) => model.doStream(c)),
  };
}

/** One attempt under its own deadline; the caller's abort still wins and is not retried. */
async function withTimeout<T>(
  call: LanguageModelV3CallOptions,
  timeoutMs: number,
  modelId: string,
  run: (call: LanguageModelV3CallOptions) => PromiseLike<T>,
): Promise<T> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = call.abortSignal ? AbortSignal.any([call.abortSignal, deadline.signal]) : deadline.signal;
  try {
    return await Promise.race([
      run({ ...call, abortSignal: signal }),
      // A model that ignores its signal must not hold the turn past the deadline either.
      new Promise<never>((_, reject) =>
        deadline.signal.addEventListener('abort', () => reject(timeoutError(timeoutMs, modelId)), {
          once: true,
        }),
      ),
    ]);
  } catch (error) {
    // The provider rejects with its own abort error when our deadline fires: report it as a (retryable) timeout.
    // Cut by the turn's deadline, the endpoint did not answer in the time it had either (a worker stopping is
    // not a timeout): so the breakers count a hung endpoint whatever timer fired first.
    if (
      (deadline.signal.aborted && !call.abortSignal?.aborted) ||
      (turnTimedOut() && (isAbortError(error) || call.abortSignal?.aborted))
    )
      throw timeoutError(timeoutMs, modelId);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(timeoutMs: number, modelId: string): CrewError {
  return new CrewError('MODEL_TIMEOUT', `the language model did not answer within ${timeoutMs} ms`, {
    domain: 'model',
    category: 'third_party',
    retryable: true,
    details: { timeoutMs, model: modelId },
  });
}
