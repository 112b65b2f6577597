import { formatDatetime } from '../rpc/py.js';

/**
 * Decoded request values as Odoo's Python sees them: `<dateTime.iso8601>` arrives as a datetime and is
 * compared with stored 'YYYY-MM-DD HH:MM:SS' strings, `<nil/>` is None.
 */
export function normalizeParams(value: unknown): unknown {
  if (value instanceof Date) return formatDatetime(value);
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalizeParams);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeParams(v)]));
  }
  return value;
}
