/** A tool call a stand-in model makes: the function's name and its arguments (sent as a JSON string). */
export interface StandInToolCall {
  name: string;
  /** An object, or the JSON text a model would send. */
  arguments: Record<string, unknown> | string;
}

/** What a stand-in model answers one chat call with: text, or tool calls (the model's turn to act). */
export type StandInAnswer = string | { toolCalls: StandInToolCall[] };

/** What a call reports it cost; by default a plausible usage, so token budgets and meters see spend. */
export interface StandInUsage {
  promptTokens: number;
  completionTokens: number;
}

function usageOf(
  { promptTokens, completionTokens }: StandInUsage = { promptTokens: 120, completionTokens: 24 },
) {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  };
}

interface Shaped {
  id: string;
  model: string;
  answer: StandInAnswer;
  usage?: StandInUsage;
}

function toolCallsOf(id: string, answer: { toolCalls: StandInToolCall[] }) {
  return answer.toolCalls.map((call, n) => ({
    id: `call_${id.replace(/^chatcmpl-/, '')}_${n}`,
    type: 'function' as const,
    function: {
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    },
  }));
}

/** The non-streaming `chat.completion` object, as OpenAI documents it (tool calls with `content: null`). */
export function chatCompletion({ id, model, answer, usage }: Shaped): Record<string, unknown> {
  const calls = typeof answer === 'string' ? undefined : toolCallsOf(id, answer);
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: calls
          ? { role: 'assistant', content: null, tool_calls: calls, refusal: null, annotations: [] }
          : { role: 'assistant', content: answer, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: calls ? 'tool_calls' : 'stop',
      },
    ],
    usage: usageOf(usage),
    service_tier: 'default',
    system_fingerprint: 'fp_standin',
  };
}

/**
 * The streaming form: `chat.completion.chunk` objects (role first, then content or tool-call deltas, then the
 * finish reason, then usage when `stream_options.include_usage` asked for it), each an SSE `data:` line,
 * ending with `data: [DONE]`.
 */
export function chatCompletionChunks({ id, model, answer, usage }: Shaped, includeUsage: boolean): string {
  const created = Math.floor(Date.now() / 1000);
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    system_fingerprint: 'fp_standin',
    choices,
    ...extra,
  });
  const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
    index: 0,
    delta: d,
    logprobs: null,
    finish_reason: finish,
  });
  const chunks: unknown[] = [chunk([delta({ role: 'assistant', content: '', refusal: null })])];
  if (typeof answer === 'string') {
    // Two deltas, as a model streams words: the client must join them.
    const cut = Math.ceil(answer.length / 2);
    for (const part of [answer.slice(0, cut), answer.slice(cut)].filter(Boolean))
      chunks.push(chunk([delta({ content: part })]));
  } else {
    toolCallsOf(id, answer).forEach((call, index) => {
      // The first delta names the call; its arguments follow in pieces.
      const args = call.function.arguments;
      const cut = Math.ceil(args.length / 2);
      chunks.push(
        chunk([
          delta({
            tool_calls: [
              { index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } },
            ],
          }),
        ]),
        chunk([delta({ tool_calls: [{ index, function: { arguments: args.slice(0, cut) } }] })]),
        chunk([delta({ tool_calls: [{ index, function: { arguments: args.slice(cut) } }] })]),
      );
    });
  }
  chunks.push(chunk([delta({}, typeof answer === 'string' ? 'stop' : 'tool_calls')]));
  if (includeUsage) chunks.push(chunk([], { usage: usageOf(usage) }));
  return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}
