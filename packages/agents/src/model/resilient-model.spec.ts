import { APICallError, type LanguageModelV3, type LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { newTurnScope, runInTurnScope } from '@mcp-crew/reliability';
import { createStepModel } from './step-model.js';
import { withFallback } from './fallback-model.js';
import { withResilience } from './resilient-model.js';

const CALL: LanguageModelV3CallOptions = {
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'hola' }] }],
};

/** A hosted model whose attempts fail as scripted (an error, or `hang` = never answers), then answers. */
function scripted(failures: Array<Error | 'hang'>) {
  const answer = createStepModel({
    provider: 'openai.chat',
    modelId: 'gpt-test',
    step: async () => [{ type: 'text', text: 'Hola, ¿en qué te ayudo?' }],
  });
  const calls: LanguageModelV3CallOptions[] = [];
  const model: LanguageModelV3 = {
    ...answer,
    async doGenerate(options) {
      calls.push(options);
      const failure = failures[calls.length - 1];
      if (failure === 'hang')
        return new Promise<never>((_, reject) =>
          options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason)),
        );
      if (failure) throw failure;
      return answer.doGenerate(options);
    },
  };
  return { model, calls };
}

const httpError = (statusCode: number) =>
  new APICallError({
    message: `HTTP ${statusCode}`,
    url: 'http://127.0.0.1/v1/chat/completions',
    requestBodyValues: {},
    statusCode,
    isRetryable: statusCode === 429 || statusCode >= 500,
  });

const text = (result: Awaited<ReturnType<LanguageModelV3['doGenerate']>>) =>
  result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

describe('withResilience', () => {
  it('retries 429 and 5xx with backoff, then answers', async () => {
    const { model, calls } = scripted([httpError(429), httpError(503)]);
    const result = await withResilience(model, {
      timeoutMs: 5000,
      maxRetries: 2,
      initialDelayMs: 1,
    }).doGenerate(CALL);
    expect(text(result)).toBe('Hola, ¿en qué te ayudo?');
    expect(calls).toHaveLength(3);
  });

  it('does not retry what cannot succeed again (400)', async () => {
    const { model, calls } = scripted([httpError(400)]);
    await expect(
      withResilience(model, { timeoutMs: 5000, maxRetries: 2, initialDelayMs: 1 }).doGenerate(CALL),
    ).rejects.toMatchObject({ statusCode: 400 });
    expect(calls).toHaveLength(1);
  });

  it('aborts a call past its timeout and retries it', async () => {
    const { model, calls } = scripted(['hang']);
    const result = await withResilience(model, {
      timeoutMs: 20,
      maxRetries: 1,
      initialDelayMs: 1,
    }).doGenerate(CALL);
    expect(text(result)).toBe('Hola, ¿en qué te ayudo?');
    expect(calls).toHaveLength(2);
    expect(calls[0]!.abortSignal?.aborted).toBe(true);
  });

  it('gives up after its retries with MODEL_UNAVAILABLE, and the fallback answers', async () => {
    const { model, calls } = scripted(['hang', httpError(500), httpError(502)]);
    const resilient = withResilience(model, { timeoutMs: 20, maxRetries: 2, initialDelayMs: 1 });
    await expect(resilient.doGenerate(CALL)).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
      details: { attempts: 3 },
    });

    const again = scripted([httpError(500), httpError(500)]);
    const offline = createStepModel({
      provider: 'offline',
      modelId: 'offline',
      step: async () => [{ type: 'text', text: 'respuesta local' }],
    });
    const fellBack: unknown[] = [];
    const result = await withFallback(
      withResilience(again.model, { timeoutMs: 5000, maxRetries: 1, initialDelayMs: 1 }),
      offline,
      (e) => fellBack.push(e),
    ).doGenerate(CALL);
    expect(text(result)).toBe('respuesta local');
    expect(again.calls).toHaveLength(2);
    expect(fellBack).toHaveLength(1);
    expect(calls).toHaveLength(3);
  });

  it('does not retry when the caller aborts', async () => {
    const { model, calls } = scripted(['hang', 'hang']);
    const controller = new AbortController();
    const pending = withResilience(model, { timeoutMs: 5000, maxRetries: 2, initialDelayMs: 1 }).doGenerate({
      ...CALL,
      abortSignal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toBeDefined();
    expect(calls).toHaveLength(1);
  });

  it("inside a turn, leaves the turn's last seconds to the fallback: a hung model is cut before the deadline", async () => {
    const { model, calls } = scripted(['hang', 'hang']);
    const offline = createStepModel({
      provider: 'offline',
      modelId: 'offline',
      step: async () => [{ type: 'text', text: 'respuesta local' }],
    });
    const turn = new AbortController();
    const scope = newTurnScope({
      tenantId: 'demo',
      turnKey: 't1',
      deadlineAt: Date.now() + 300,
      signal: turn.signal,
    });
    const fellBack: unknown[] = [];
    const resilient = withFallback(
      withResilience(model, { timeoutMs: 60_000, maxRetries: 2, initialDelayMs: 1, fallbackReserveMs: 200 }),
      offline,
      (e) => fellBack.push(e),
    );
    const result = await runInTurnScope(scope, async () => resilient.doGenerate(CALL));
    // The model had the turn's first ~100 ms; the fallback answered inside the deadline, with no retry into
    // the reserve and the turn itself never aborted.
    expect(text(result)).toBe('respuesta local');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.abortSignal?.aborted).toBe(true);
    expect(fellBack).toHaveLength(1);
    expect(turn.signal.aborted).toBe(false);
    expect(Date.now()).toBeLessThan(scope.deadlineAt);

    // A later step of the same turn, with only the reserve left, does not call the model at all.
    const later = await runInTurnScope(scope, async () => resilient.doGenerate(CALL));
    expect(text(later)).toBe('respuesta local');
    expect(calls).toHaveLength(1);
  });
});
