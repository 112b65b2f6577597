/**
 * Python value conventions the wire formats depend on: floats that stay floats (`0.0` is a
 * `<double>`, not an `<int>`), Odoo's 'YYYY-MM-DD HH:MM:SS' UTC datetimes, and `repr()` for
 * messages that quote Python values (domain leaves, record ids).
 */

/** A number that Odoo's Python would hold as a float: serialized as `<double>` over XML-RPC. */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
  /** Python's repr of a float: `0.0`, `78.6`. */
  toString(): string {
    return Number.isInteger(this.value) ? this.value.toFixed(1) : String(this.value);
  }
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC, the only datetime format Odoo's external API emits. */
export function formatDatetime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** 'YYYY-MM-DD' in UTC. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses an Odoo datetime or date string as UTC. */
export function parseDatetime(value: string): Date {
  return new Date(value.length <= 10 ? `${value}T00:00:00Z` : `${value.replace(' ', 'T')}Z`);
}

/** Python's repr() of a decoded RPC value, for error messages that quote values. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value instanceof PyFloat) return value.toString();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** Python's repr() of a tuple: `(1,)` for one element. */
export function pyTuple(items: unknown[]): string {
  return items.length === 1 ? `(${pyRepr(items[0])},)` : `(${items.map(pyRepr).join(', ')})`;
}
