import { foldText } from '@mcp-crew/core';
import type { OdooRecord } from '../odoo/odoo-api.js';

/** A product's name as people say it: no "[CODE] " prefix, lower case, no accents, single spaces. */
function spoken(value: unknown): string {
  return foldText(String(value ?? '').replace(/^\[[^\]]*\]\s*/, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How closely a product's name answers a query: 0 the exact name or internal reference, 1 the name starts
 * with the query, 2 every word of the query is in the name, 3 a match elsewhere (description, reference).
 */
export function nameRelevance(row: OdooRecord, query: string): number {
  const q = spoken(query);
  const name = spoken(row['name'] ?? row['display_name']);
  if (name === q || spoken(row['default_code']) === q) return 0;
  if (name.startsWith(`${q} `)) return 1;
  const words = name.split(' ');
  return q.split(' ').every((w) => words.some((n) => n.startsWith(w))) ? 2 : 3;
}

/**
 * Orders search rows by relevance, Odoo's order (by name) kept within a tier: "Office Chair" lists the
 * product called exactly that before "Chair floor protection" and before "Office Chair Black".
 */
export function rankByName<R extends OdooRecord>(rows: R[], query: string): R[] {
  return rows
    .map((row, index) => ({ row, index, tier: nameRelevance(row, query) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map((r) => r.row);
}
