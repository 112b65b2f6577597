const REFERENCE = /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed document. Done on parsed values, not
 * on the raw text, so an environment value can never change the document's structure. A string that ends
 * up empty becomes `undefined` (the setting is absent).
 */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    const replaced = value.replace(
      REFERENCE,
      (_m, name: string, fallback?: string) => env[name] ?? fallback ?? '',
    );
    return replaced === '' ? undefined : replaced;
  }
  if (Array.isArray(value)) return value.map((v) => interpolateEnv(v, env));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateEnv(v, env)]));
  }
  return value;
}
