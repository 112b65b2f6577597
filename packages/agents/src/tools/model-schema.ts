/**
 * A tool's JSON Schema as a model is shown it: the same fields, types, bounds, defaults and descriptions,
 * without what only a validator needs. zod's JSON Schema bounds every integer by ±2^53 and spells out an
 * e-mail `format` as a 70-character `pattern`; the dialect and `additionalProperties: false` say nothing a
 * model acts on. They are sent with every tool on every call; the arguments are still
 * validated against the full schema (here and by the server).
 */
export function modelSchema(schema: Record<string, unknown>): Record<string, unknown> {
  return lean(schema) as Record<string, unknown>;
}

function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const source = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema') continue;
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) continue;
    if (key === 'minimum' && value === Number.MIN_SAFE_INTEGER) continue;
    if (key === 'pattern' && typeof source['format'] === 'string') continue;
    // Property names are data, not keywords: only their schemas are leaned.
    out[key] =
      key === 'properties' && value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, s]) => [name, lean(s)]))
        : lean(value);
  }
  return out;
}
