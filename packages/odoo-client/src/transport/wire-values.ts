import type { XmlRpcValue } from '@foxglove/xmlrpc';
import { DomainBuilder } from '../domain/domain.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** Odoo's datetime format, always UTC: `2026-11-22 00:33:47`. */
export function toOdooDatetime(date: Date): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}

function walk(value: unknown, leaf: (v: unknown) => unknown): unknown {
  if (value instanceof DomainBuilder) return walk(value.build(), leaf);
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : walk(v, leaf)));
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    const out: Record<string, unknown> = {};
    // An undefined member means "not given": left out, as JSON.stringify does.
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = walk(v, leaf);
    return out;
  }
  return leaf(value);
}

/** Request values for JSON-RPC and JSON-2: JSON has no datetime, Odoo takes its string form. */
export function toJsonWire(value: unknown): unknown {
  return walk(value, (v) => (v instanceof Date ? toOdooDatetime(v) : v));
}

/** Request values for XML-RPC: Dates stay Dates (`<dateTime.iso8601>`), null becomes `<nil/>`. */
export function toXmlWire(value: unknown): XmlRpcValue {
  return walk(value, (v) => v) as XmlRpcValue;
}

/** Response values from XML-RPC: `<nil/>` (parsed as undefined) becomes null, as in JSON. */
export function fromXmlWire(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(fromXmlWire);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromXmlWire(v)]));
  }
  return value;
}
