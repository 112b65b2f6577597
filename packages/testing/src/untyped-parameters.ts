/** What a JSON Schema node may use to say what it accepts. */
const DESCRIBING = ['type', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', '$ref', 'not'] as const;

/**
 * The paths of a tool's parameters whose advertised JSON Schema says nothing about what they accept (`{}` or
 * only a description). A model following such a schema cannot fill the parameter: Mastra's schema
 * conversion once advertised `odoo_create_lead`'s `email` as an empty object. Walks properties, array
 * items and tuple members, additionalProperties and the members of anyOf / oneOf / allOf.
 */
export function untypedParameters(schema: unknown, path = '$'): string[] {
  if (schema === true || schema === false) return [];
  if (schema === null || typeof schema !== 'object') return [`${path} (not a schema)`];
  const node = schema as Record<string, unknown>;
  const found = DESCRIBING.some((key) => key in node) ? [] : [path];
  for (const [name, child] of Object.entries(asRecord(node['properties'])))
    found.push(...untypedParameters(child, `${path}.${name}`));
  const items = node['items'];
  // A tuple lists its members' schemas: `items` as an array (draft 7) or `prefixItems` (2020-12).
  const members = [
    ...(Array.isArray(items) ? items : []),
    ...(Array.isArray(node['prefixItems']) ? node['prefixItems'] : []),
  ];
  members.forEach((member, i) => found.push(...untypedParameters(member, `${path}[${i}]`)));
  if (items !== undefined && !Array.isArray(items)) found.push(...untypedParameters(items, `${path}[]`));
  const extra = node['additionalProperties'];
  if (extra !== undefined && typeof extra === 'object') found.push(...untypedParameters(extra, `${path}{}`));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(node[key]))
      (node[key] as unknown[]).forEach((member, i) =>
        found.push(...untypedParameters(member, `${path}|${key}${i}`)),
      );
  return found;
}

/** Every listed tool's untyped parameters, as `tool: path` lines (empty when every parameter is typed). */
export function untypedToolParameters(tools: Array<{ name: string; inputSchema: unknown }>): string[] {
  return tools.flatMap((tool) => untypedParameters(tool.inputSchema).map((path) => `${tool.name}: ${path}`));
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
