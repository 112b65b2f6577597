/** One tool call of a turn, as the specialist saw it: for the figures check, memory, logs and `crew chat`. */
export interface ToolCallRecord {
  tool: string;
  input: Record<string, unknown>;
  ok: boolean;
  /** The text the tool returned (or why it failed or was refused). */
  text: string;
  /** The structured result, when it succeeded. */
  result?: Record<string, unknown>;
  /** Set when a guard refused the call before it reached the server. */
  refused?: string;
}

/** What a model gets back from a tool: the result, or an error it can read. */
export type ToolReply = { text: string; result?: Record<string, unknown> } | { error: string };
