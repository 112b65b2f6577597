import { Deserializer } from '@foxglove/xmlrpc';

/**
 * Compares two decoded responses by SHAPE: same envelope keys, same JSON types, same array arity for
 * small tuples; values may differ where the data differs. Returns the first difference, or undefined.
 */
export function shapeDiff(
  expected: unknown,
  actual: unknown,
  path = '$',
  opts: { subsetKeys?: boolean } = {},
): string | undefined {
  const te = typeOf(expected);
  const ta = typeOf(actual);
  // Odoo sends `false` for an unset field of any type; set vs unset is a data difference, not a shape one.
  if (
    (expected === false && ta !== 'boolean' && ta !== 'null') ||
    (actual === false && te !== 'boolean' && te !== 'null')
  )
    return undefined;
  if (te !== ta) return `${path}: expected ${te}, got ${ta} (${JSON.stringify(actual)?.slice(0, 120)})`;
  if (te === 'array') {
    const e = expected as unknown[];
    const a = actual as unknown[];
    if (e.length === 0 || a.length === 0) return undefined;
    // A many2one pair / name_search pair keeps its arity; record lists are compared element by element to the first expected one.
    if (isPair(e))
      return a.length === 2
        ? (shapeDiff(e[0], a[0], `${path}[0]`) ?? shapeDiff(e[1], a[1], `${path}[1]`))
        : `${path}: expected a pair`;
    for (let i = 0; i < a.length; i++) {
      const d = shapeDiff(e[Math.min(i, e.length - 1)], a[i], `${path}[${i}]`, opts);
      if (d) return d;
    }
    return undefined;
  }
  if (te === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const ek = Object.keys(e).sort();
    const ak = Object.keys(a).sort();
    if (opts.subsetKeys) {
      const extra = ak.filter((k) => !ek.includes(k));
      if (extra.length) return `${path}: keys not in Odoo 18: ${extra.join(', ')}`;
    } else if (ek.join() !== ak.join()) return `${path}: keys ${ak.join(',')} != expected ${ek.join(',')}`;
    for (const k of ak) {
      const d = shapeDiff(e[k], a[k], `${path}.${k}`, k === 'debug' ? {} : { subsetKeys: false });
      if (d && k !== 'debug') return d;
    }
  }
  return undefined;
}

const isPair = (v: unknown[]) => v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string';

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Decodes an XML-RPC response: `{ result }` or `{ faultCode, faultString }` (faultCode as int or string). */
export async function decodeXmlResponse(xml: string): Promise<Record<string, unknown>> {
  if (xml.includes('<fault>')) {
    const code = /<name>faultCode<\/name>\s*<value><(int|string)>([\s\S]*?)<\/\1>/.exec(xml);
    return { fault: true, faultCode: code?.[1] === 'int' ? Number(code[2]) : `string` };
  }
  return { result: await new Deserializer().deserializeMethodResponse(xml) };
}

/** `<double>` positions matter to Python clients: count them to compare with the fixture. */
export const doubleCount = (xml: string) => (xml.match(/<double>/g) ?? []).length;
