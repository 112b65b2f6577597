import type { z } from 'zod';

/** A readable name for the type of a YAML value: `string`, `number`, `array`, `null`, ... */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const quote = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * One zod issue as `path: what was expected, what was found`, read against the raw YAML data
 * (zod's own messages say "received" and omit the value; these name the value the file has).
 */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `${where}: missing, expected ${issue.expected}`
        : `${where}: expected ${issue.expected}, got ${kindOf(value)}`;
    case 'invalid_value':
      return `${where}: expected one of ${quote(issue.values)}, got ${JSON.stringify(value)}`;
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${quote(issue.keys)}`;
    case 'too_small':
    case 'too_big':
      return `${where}: ${issue.message.replace(/^Too (small|big): /, '')}, got ${JSON.stringify(value)}`;
    default:
      return `${where}: ${issue.message}`;
  }
}
