import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';

/** Decides one model step from the prompt Mastra sends: tool calls, or the final text. */
export type ModelStep = (options: LanguageModelV3CallOptions) => Promise<LanguageModelV3Content[]>;

// Local models spend no tokens; Mastra still wants the usage shape.
const NO_USAGE = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};

/**
 * A `LanguageModelV3` whose answers come from code (the offline engine, scripted test models). Mastra
 * drives it exactly like a provider's model: same agent, same tool loop.
 */
export function createStepModel(options: {
  provider: string;
  modelId: string;
  step: ModelStep;
}): LanguageModelV3 {
  const generate = async (call: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> => {
    const content = await options.step(call);
    const calls = content.some((c) => c.type === 'tool-call');
    return {
      content,
      finishReason: { unified: calls ? 'tool-calls' : 'stop', raw: undefined },
      usage: NO_USAGE,
      warnings: [],
    };
  };
  return {
    specificationVersion: 'v3',
    provider: options.provider,
    modelId: options.modelId,
    supportedUrls: {},
    doGenerate: generate,
    async doStream(call) {
      const result = await generate(call);
      const parts = toStreamParts(result);
      return {
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start: (c) => {
            parts.forEach((p) => c.enqueue(p));
            c.close();
          },
        }),
      };
    },
  };
}

function toStreamParts(result: LanguageModelV3GenerateResult): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }];
  result.content.forEach((c, n) => {
    if (c.type === 'text')
      parts.push(
        { type: 'text-start', id: `t${n}` },
        { type: 'text-delta', id: `t${n}`, delta: c.text },
        { type: 'text-end', id: `t${n}` },
      );
    else if (c.type === 'tool-call') parts.push(c);
  });
  parts.push({ type: 'finish', usage: result.usage, finishReason: result.finishReason });
  return parts;
}
