import type { LanguageModelV3, LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';

/**
 * A hosted model that reads each tool's text instead of its whole result. A tool answers `{ text, result }`:
 * the text (MCP's `content`) is written for a model and names what a reply needs (ids, references, prices,
 * stock, totals); the result (MCP's `structuredContent`) is for programs and repeats it at several
 * times the tokens. The offline engine, which reads the structured result, gets the call as Mastra made it
 * (this sits inside the fallback). The AI SDK's `wrapLanguageModel` middleware does this kind of rewrite,
 * but the `ai` package is not a dependency here; this is its `transformParams` for one case.
 */
export function withTextToolResults(model: LanguageModelV3): LanguageModelV3 {
  return {
    specificationVersion: 'v3',
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate: (options) => model.doGenerate(textResults(options)),
    doStream: (options) => model.doStream(textResults(options)),
  };
}

function textResults(options: LanguageModelV3CallOptions): LanguageModelV3CallOptions {
  if (!options.prompt.some((m) => m.role === 'tool')) return options;
  const prompt: LanguageModelV3Prompt = options.prompt.map((message) =>
    message.role !== 'tool'
      ? message
      : {
          ...message,
          content: message.content.map((part) => {
            if (part.type !== 'tool-result' || part.output.type !== 'json') return part;
            const value = part.output.value;
            const text =
              value !== null && typeof value === 'object' && !Array.isArray(value)
                ? value['text']
                : undefined;
            return typeof text === 'string' && text.trim() !== ''
              ? { ...part, output: { type: 'text' as const, value: text } }
              : part;
          }),
        },
  );
  return { ...options, prompt };
}
