/** What a guard decides before a call: run it (maybe with a corrected input) or refuse it. */
export type BeforeDecision = { run: Record<string, unknown> } | { refuse: string };

/** What a guard decides on a result: pass it (maybe trimmed) or withhold it. */
export type AfterDecision = { pass: { text: string; result?: Record<string, unknown> } } | { refuse: string };

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
