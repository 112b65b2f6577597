/** What a guard decides before a call: run it (maybe with a corrected input) or refuse it. */
export type BeforeDecision = { run: Record<string, unknown> } | { refuse: string };

type ToolOutput = { text: string; result?: Record<string, unknown> };

/**
 * What a guard decides on a result: pass it (maybe trimmed) or withhold it. `toModel`, when given, is what
 * the model reads instead of `pass` (the turn's records keep `pass`: the trace and the hand-off note).
 */
export type AfterDecision = { pass: ToolOutput; toModel?: ToolOutput } | { refuse: string };

/**
 * Guards around tool calls, in code: whatever the model asks, a committing call without the customer's
 * yes, or a read of another customer's data, never reaches the model.
 */
export interface ToolGate {
  before(tool: string, input: Record<string, unknown>): BeforeDecision;
  after(
    tool: string,
    input: Record<string, unknown>,
    output: { text: string; result?: Record<string, unknown> },
  ): AfterDecision;
}

export const OPEN_GATE: ToolGate = {
  before: (_tool, input) => ({ run: input }),
  after: (_tool, _input, output) => ({ pass: output }),
};
