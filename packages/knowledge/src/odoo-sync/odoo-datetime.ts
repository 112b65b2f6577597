/** Odoo datetimes are UTC strings `YYYY-MM-DD HH:MM:SS`; these compare as strings. */
export function shiftOdooDatetime(value: string, seconds: number): string {
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  if (Number.isNaN(ms)) return value;
  return new Date(ms + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** The later of two Odoo datetimes (either may be missing). */
export function laterOdooDatetime(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}
