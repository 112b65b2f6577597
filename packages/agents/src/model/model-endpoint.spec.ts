import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { APICallError, type LanguageModelV3, type LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { isCrewError, Secret } from '@mcp-crew/core';
import {
  deadlineExceeded,
  ENDPOINT_UNAVAILABLE,
  EndpointBreakers,
  newTurnScope,
  runInTurnScope,
  TenantBreakers,
} from '@mcp-crew/reliability';
import { rejectionOf } from '@mcp-crew/testing';
import { createStepModel } from './step-model.js';
import { withFallback } from './fallback-model.js';
import { isModelEndpointFailure, modelEndpointId } from './model-endpoint.js';
import { withResilience } from './resilient-model.js';

const CALL: LanguageModelV3CallOptions = {
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'hola' }] }],
};
const ENV = modelEndpointId({
  apiKey: new Secret('sk-environment-key'),
  baseUrl: 'http://127.0.0.1:9/v1',
  model: 'gpt-4o',
});

const httpError = (statusCode: number) =>
  new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://127.0.0.1:9/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    isRetryable: statusCode === 429 || statusCode >= 500,
  });

/** The environment's endpoint: every call fails with `failure` (or hangs until aborted); calls counted. */
function endpoint(failure: Error | 'hang' | undefined) {
  const answer = createStepModel({
    provider: 'openai.chat',
    modelId: 'gpt-4o',
    step: async () => [{ type: 'text', text: 'respuesta del modelo' }],
  });
  const calls: LanguageModelV3CallOptions[] = [];
  const model: LanguageModelV3 = {
    ...answer,
    async doGenerate(options) {
      calls.push(options);
      if (failure === 'hang')
        return new Promise<never>((_, reject) =>
          options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason)),
        );
      if (failure) throw failure;
      return answer.doGenerate(options);
    },
  };
  return { model, calls, fail: (next: Error | 'hang' | undefined) => (failure = next) };
}

const offline = createStepModel({
  provider: 'offline',
  modelId: 'offline',
  step: async () => [{ type: 'text', text: 'respuesta local' }],
});

/** Two tenants' models on the one environment endpoint, each behind its tenant's breaker and the shared one. */
function setup(failure: Error | 'hang' | undefined) {
  const env = endpoint(failure);
  const endpoints = new EndpointBreakers({
    counts: isModelEndpointFailure,
    consecutiveFailures: 3,
    halfOpenAfterMs: 30_000,
  });
  const breakers = new TenantBreakers({ consecutiveFailures: 3, halfOpenAfterMs: 30_000 });
  const model = withFallback(
    withResilience(env.model, {
      timeoutMs: 5000,
      maxRetries: 0,
      breakers,
      endpoint: { breakers: endpoints, id: ENV },
    }),
    offline,
  );
  const turn = (tenant: string, signal = new AbortController().signal) =>
    runInTurnScope(
      newTurnScope({ tenantId: tenant, turnKey: `${tenant}:1:1`, deadlineAt: Date.now() + 10_000, signal }),
      async () => model.doGenerate(CALL),
    );
  return { env, endpoints, breakers, turn };
}

const text = (result: Awaited<ReturnType<LanguageModelV3['doGenerate']>>) =>
  result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

describe("a model endpoint's shared breaker", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('identifies an endpoint by URL, model and a fingerprint of its key, never the key', () => {
    expect(ENV).toMatch(/^http:\/\/127\.0\.0\.1:9\/v1 gpt-4o key:[0-9a-f]{8}$/);
    expect(ENV).not.toContain('sk-environment-key');
    const other = modelEndpointId({
      apiKey: new Secret('sk-tenant-own-key'),
      baseUrl: 'http://user:pw@127.0.0.1:9/v1/?x=1',
      model: 'gpt-4o',
    });
    expect(other).not.toBe(ENV);
    expect(other).not.toContain('pw');
    expect(modelEndpointId({ apiKey: new Secret('k'), model: 'gpt-4o' })).toMatch(
      /^https:\/\/api\.openai\.com\/v1 /,
    );
  });

  it("after tenant A's failures, tenant B's turn does not call the endpoint: the offline engine answers at once", async () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z'), doNotFake: ['setTimeout', 'clearTimeout'] });
    const { env, endpoints, breakers, turn } = setup(httpError(503));
    for (let i = 0; i < 3; i++) expect(text(await turn('alpha'))).toBe('respuesta local');
    expect(env.calls).toHaveLength(3);
    expect(endpoints.isOpen(ENV)).toBe(true);

    expect(text(await turn('beta'))).toBe('respuesta local');
    expect(env.calls).toHaveLength(3);
    // Beta never failed itself: its own breaker stays closed.
    expect(breakers.isOpen('beta', 'model')).toBe(false);

    // After the open time one trial call goes out; the endpoint answers again and everyone is back on it.
    env.fail(undefined);
    jest.advanceTimersByTime(30_001);
    expect(text(await turn('beta'))).toBe('respuesta del modelo');
    expect(endpoints.isOpen(ENV)).toBe(false);
    expect(text(await turn('alpha'))).toBe('respuesta del modelo');
    expect(env.calls).toHaveLength(5);
  });

  it("does not open the shared endpoint on one tenant's refused key (401/403)", async () => {
    const { env, endpoints, breakers, turn } = setup(httpError(401));
    for (let i = 0; i < 4; i++) await turn('alpha');
    expect(endpoints.isOpen(ENV)).toBe(false);
    // Alpha's own breaker opened on its refusals; beta still reaches the endpoint.
    expect(breakers.isOpen('alpha', 'model')).toBe(true);
    const before = env.calls.length;
    env.fail(undefined);
    expect(text(await turn('beta'))).toBe('respuesta del modelo');
    expect(env.calls).toHaveLength(before + 1);
  });

  it('counts a call cut by the turn deadline as a timeout, and not one cut by a worker stopping', async () => {
    const cut = async (reason?: unknown) => {
      const { endpoints, turn } = setup('hang');
      for (const tenant of ['alpha', 'beta', 'gamma']) {
        const turnSignal = new AbortController();
        const pending = turn(tenant, turnSignal.signal);
        turnSignal.abort(reason);
        expect(text(await pending)).toBe('respuesta local');
      }
      return endpoints.isOpen(ENV);
    };
    expect(await cut(deadlineExceeded())).toBe(true);
    expect(await cut()).toBe(false);
  });

  it('never spends the trial call on a step the turn has no time left for', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-30T10:00:00Z'), doNotFake: ['setTimeout', 'clearTimeout'] });
    const { env, endpoints, turn } = setup(httpError(503));
    for (const tenant of ['alpha', 'beta', 'gamma']) await turn(tenant);
    jest.advanceTimersByTime(30_001);
    const model = withResilience(env.model, {
      timeoutMs: 5000,
      maxRetries: 0,
      endpoint: { breakers: endpoints, id: ENV },
    });
    const spent = newTurnScope({
      tenantId: 'delta',
      turnKey: 'delta:1:1',
      deadlineAt: Date.now() - 1,
      signal: new AbortController().signal,
    });
    const error = await runInTurnScope(spent, () => rejectionOf(Promise.resolve(model.doGenerate(CALL))));
    expect(isCrewError(error, 'TURN_DEADLINE_EXCEEDED')).toBe(true);
    // The endpoint is still failing: the next caller's call is the trial, and it opens the breaker again.
    await turn('epsilon');
    expect(env.calls).toHaveLength(4);
    expect(endpoints.isOpen(ENV)).toBe(true);
  });

  it('classifies failures: timeouts, 5xx, 408, 429 and unreachable are the endpoint’s; 4xx and aborts are not', async () => {
    const unreachable = new APICallError({
      message: 'Cannot connect to API: connect ECONNREFUSED',
      url: 'http://127.0.0.1:9/v1/chat/completions',
      requestBodyValues: {},
      isRetryable: true,
    });
    const timeout = await rejectionOf(
      Promise.resolve(
        withResilience(endpoint('hang').model, { timeoutMs: 10, maxRetries: 0 }).doGenerate(CALL),
      ),
    );
    expect(isCrewError(timeout, 'MODEL_TIMEOUT')).toBe(true);
    expect(
      [timeout, httpError(500), httpError(503), httpError(408), httpError(429), unreachable].map(
        isModelEndpointFailure,
      ),
    ).toEqual([true, true, true, true, true, true]);
    const aborted = new DOMException('aborted', 'AbortError');
    expect(
      [httpError(400), httpError(401), httpError(403), httpError(404), aborted, deadlineExceeded()].map(
        isModelEndpointFailure,
      ),
    ).toEqual([false, false, false, false, false, false]);
    // The shared breaker's own refusal is not a new failure of the endpoint.
    const open = new EndpointBreakers({ counts: () => true, consecutiveFailures: 1 });
    await rejectionOf(open.run(ENV, () => Promise.reject(httpError(500))));
    const refusal = await rejectionOf(open.run(ENV, async () => 'x'));
    expect(isCrewError(refusal, ENDPOINT_UNAVAILABLE)).toBe(true);
    expect(isModelEndpointFailure(refusal)).toBe(false);
  });
});
