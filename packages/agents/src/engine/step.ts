import type { LanguageModelV3Content } from '@ai-sdk/provider';
import type { HandoffReason, Language } from '@mcp-crew/core';
import type { PromptView, SeenToolResult } from './prompt-view.js';

import {
  HANDOFF_TOOL,
  type AgentToolCall,
  type AgentToolInput,
  type AgentToolName,
  type AgentToolOutput,
} from '../tools/tool-names.js';

export { HANDOFF_TOOL };
export type { AgentToolCall };

/** What a flow sees: the prompt, the customer's language, and helpers to answer. */
export interface FlowInput {
  view: PromptView;
  language: Language;
}

export type StepOutput = LanguageModelV3Content[];

export function say(text: string): StepOutput {
  return [{ type: 'text', text }];
}

export function call(view: PromptView, calls: AgentToolCall[]): StepOutput {
  const missing = calls.find(([tool]) => !view.tools.has(tool));
  if (missing)
    return handoff(
      view,
      'out_of_scope',
      `This needs the tool ${missing[0]}, which this specialist does not have.`,
    );
  return calls.map(([toolName, input], i) => ({
    type: 'tool-call',
    toolCallId: `${toolName}-${view.results.length}-${i}`,
    toolName,
    input: JSON.stringify(input),
  }));
}

export function handoff(view: PromptView, reason: HandoffReason, note: string): StepOutput {
  if (view.results.some((r) => r.toolName === HANDOFF_TOOL) || !view.tools.has(HANDOFF_TOOL)) return say('');
  return [
    {
      type: 'tool-call',
      toolCallId: `${HANDOFF_TOOL}-${view.results.length}`,
      toolName: HANDOFF_TOOL,
      input: JSON.stringify({ reason, note }),
    },
  ];
}

/** The latest result of a tool in this turn, optionally for given input field values. */
export function resultOf<N extends AgentToolName>(
  view: PromptView,
  tool: N,
  match?: Partial<AgentToolInput<N>>,
): SeenToolResult<N> | undefined {
  return view.results.findLast(
    (r): r is SeenToolResult<N> =>
      r.toolName === tool && (!match || Object.entries(match).every(([k, v]) => r.input[k] === v)),
  );
}

/** The structured result a tool returned (the MCP `structuredContent`), typed by its output schema. */
export function data<N extends AgentToolName>(
  result: SeenToolResult<N> | undefined,
): AgentToolOutput<N> | undefined {
  return result && !result.failed ? (result.output['result'] as AgentToolOutput<N> | undefined) : undefined;
}

/**
 * A failed tool call ends the flow: a person takes over, with what failed. `optional`: tools whose failure
 * the flow handles itself (it answers another way).
 */
export function failedCall(view: PromptView, ...optional: AgentToolName[]): StepOutput | undefined {
  const failed = view.results.find(
    (r) => r.failed && r.toolName !== HANDOFF_TOOL && !(optional as string[]).includes(r.toolName),
  );
  if (!failed) return undefined;
  const error = typeof failed.output['error'] === 'string' ? failed.output['error'] : 'failed';
  return handoff(
    view,
    'processing_failed',
    `The tool ${failed.toolName} failed (${error}), so the request could not be completed.`,
  );
}
