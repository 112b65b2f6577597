import type { LanguageModelV3 } from '@ai-sdk/provider';
import { trace } from '@opentelemetry/api';
import { inSpan, isTracing, SpanKind } from './tracing.js';

/** Told after each model call: latency, success and tokens (metrics). */
export type ModelObserver = (
  model: string,
  seconds: number,
  ok: boolean,
  tokens?: { input?: number; output?: number },
) => void;

/**
 * A language model whose every call is a `model.call` span with the model, provider and tokens used, and is
 * reported to `observe`.
 */
export function traceModel(model: LanguageModelV3, observe?: ModelObserver): LanguageModelV3 {
  const attributes = { 'gen_ai.system': model.provider, 'gen_ai.request.model': model.modelId };
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate(options) {
      const generate = async () => {
        const started = performance.now();
        try {
          const result = await model.doGenerate(options);
          const input = result.usage.inputTokens.total;
          const output = result.usage.outputTokens.total;
          trace.getActiveSpan()?.setAttributes({
            ...(input !== undefined ? { 'gen_ai.usage.input_tokens': input } : {}),
            ...(output !== undefined ? { 'gen_ai.usage.output_tokens': output } : {}),
          });
          observe?.(model.modelId, (performance.now() - started) / 1000, true, { input, output });
          return result;
        } catch (error) {
          observe?.(model.modelId, (performance.now() - started) / 1000, false);
          throw error;
        }
      };
      return isTracing() ? inSpan('model.call', { kind: SpanKind.CLIENT, attributes }, generate) : generate();
    },
    doStream(options) {
      if (!isTracing()) return model.doStream(options);
      return inSpan('model.stream', { kind: SpanKind.CLIENT, attributes }, async () =>
        model.doStream(options),
      );
    },
  };
}
