/**
 * Where a caller puts a write's idempotency key in an MCP `tools/call`: the request's `_meta`, beside the
 * model-chosen arguments and never among them, so a model can neither see nor forge it.
 */
export const IDEMPOTENCY_META_KEY = 'mcp-crew/idempotency-key';

/** The `_meta` of a call with this key (empty without one). */
export function idempotencyMeta(key: string | undefined): Record<string, unknown> {
  return key ? { [IDEMPOTENCY_META_KEY]: key } : {};
}
