import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { factsOf, type TurnFacts } from '../turn/turn-facts.js';

/** One tool call of the current turn and what it returned. */
export interface SeenToolResult<N extends string = string> {
  toolCallId: string;
  toolName: N;
  input: Record<string, unknown>;
  /** The tool's return value; `{ error }` when it failed. */
  output: Record<string, unknown>;
  failed: boolean;
}

/**
 * What the offline engine needs from a model call: the turn's facts (typed provider options), the
 * customer's messages and this turn's tool results (the conversation itself, from the prompt's messages).
 */
export interface PromptView {
  context?: TurnFacts;
  /** The customer's latest message. */
  text: string;
  /** Earlier customer messages, oldest first. */
  earlier: string[];
  /** What the crew answered to the customer's previous message, if anything. */
  lastReply?: string;
  results: SeenToolResult[];
  /** Tools the agent offers in this call. */
  tools: Set<string>;
}

export function viewPrompt(options: LanguageModelV3CallOptions): PromptView {
  const prompt = options.prompt;
  const lastUser = prompt.findLastIndex((m) => m.role === 'user');
  const userTexts = prompt.filter((m) => m.role === 'user').map(textOf);
  const reply = prompt.slice(0, Math.max(lastUser, 0)).findLast((m) => m.role === 'assistant');
  const lastReply = reply ? textOf(reply) : '';
  return {
    context: factsOf(options),
    ...(lastReply ? { lastReply } : {}),
    text: lastUser >= 0 ? textOf(prompt[lastUser]!) : '',
    earlier: userTexts.slice(0, -1),
    results: resultsAfter(prompt, lastUser),
    tools: new Set((options.tools ?? []).map((t) => t.name)),
  };
}

function textOf(message: LanguageModelV3Prompt[number]): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('\n')
    .trim();
}

function resultsAfter(prompt: LanguageModelV3Prompt, from: number): SeenToolResult[] {
  const inputs = new Map<string, Record<string, unknown>>();
  const results: SeenToolResult[] = [];
  for (const message of prompt.slice(from + 1)) {
    if (message.role === 'assistant') {
      for (const part of message.content) {
        if (part.type === 'tool-call')
          inputs.set(
            part.toolCallId,
            asRecord(typeof part.input === 'string' ? safeJson(part.input) : part.input),
          );
      }
    } else if (message.role === 'tool') {
      for (const part of message.content) {
        if (part.type !== 'tool-result') continue;
        const value =
          part.output.type === 'json' || part.output.type === 'error-json'
            ? part.output.value
            : part.output.type === 'text' || part.output.type === 'error-text'
              ? { text: part.output.value }
              : {};
        const output = asRecord(value);
        const failed = part.output.type.startsWith('error') || typeof output['error'] === 'string';
        results.push({
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: inputs.get(part.toolCallId) ?? {},
          output,
          failed,
        });
      }
    }
  }
  return results;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
