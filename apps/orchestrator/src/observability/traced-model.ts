import type { LanguageModelV3 } from '@ai-sdk/provider';
import { inSpan, isTracing, SpanKind } from './tracing.js';

/** A language model whose every call is a `model.call` span with the model, provider and tokens used. */
export function traceModel(model: LanguageModelV3): LanguageModelV3 {
  const attributes = { 'gen_ai.system': model.provider, 'gen_ai.request.model': model.modelId };
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate(options) {
      if (!isTracing()) return model.doGenerate(options);
      return inSpan('model.call', { kind: SpanKind.CLIENT, attributes }, async (span) => {
        const result = await model.doGenerate(options);
        const input = result.usage.inputTokens.total;
        const output = result.usage.outputTokens.total;
        if (input !== undefined) span.setAttribute('gen_ai.usage.input_tokens', input);
        if (output !== undefined) span.setAttribute('gen_ai.usage.output_tokens', output);
        return result;
      });
    },
    doStream(options) {
      if (!isTracing()) return model.doStream(options);
      return inSpan('model.stream', { kind: SpanKind.CLIENT, attributes }, async () =>
        model.doStream(options),
      );
    },
  };
}
