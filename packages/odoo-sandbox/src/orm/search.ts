import { valueError } from '../rpc/faults.js';
import { compileDomain } from './domain.js';
import { displayNameOf, getValue } from './values.js';
import type { Env, Row } from './types.js';

export interface SearchOptions {
  offset?: number;
  limit?: number | null;
  order?: string | null;
  /** Hide archived records (`active = False`) unless the domain mentions `active`; Odoo's default. */
  activeTest?: boolean;
}

const collator = new Intl.Collator('en', { sensitivity: 'variant' });

/** Searches one model like `_search`: domain, archived filter, `_order` or `order`, offset and limit. */
export function search(env: Env, model: string, domain: unknown, options: SearchOptions = {}): Row[] {
  const def = env.db.def(model);
  const predicate = compileDomain(env, model, domain);
  const activeTest =
    (options.activeTest ?? env.context['active_test'] !== false) &&
    'active' in def.fields &&
    !mentions(domain, 'active');
  const rows: Row[] = [];
  for (const row of env.db.table(model).values()) {
    if (activeTest && row['active'] === false) continue;
    if (predicate(row)) rows.push(row);
  }
  sortRows(env, model, rows, options.order || def.order);
  const offset = options.offset ?? 0;
  const end = options.limit ? offset + options.limit : undefined;
  return offset || end !== undefined ? rows.slice(offset, end) : rows;
}

function mentions(domain: unknown, field: string): boolean {
  return Array.isArray(domain) && domain.some((leaf) => Array.isArray(leaf) && leaf[0] === field);
}

interface OrderTerm {
  field: string;
  desc: boolean;
}

/** Parses `"name asc, id desc"`; unknown fields are Odoo's ValueError. */
export function parseOrder(env: Env, model: string, order: string): OrderTerm[] {
  const def = env.db.def(model);
  return order
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([\w.]+)(?:\s+(asc|desc))?(?:\s+nulls\s+(?:first|last))?$/i.exec(part);
      if (!match) throw valueError(`Invalid "order" specified (${order}).`);
      const field = match[1]!;
      if (!(field in def.fields)) throw valueError(`Invalid field '${field}' on model '${model}'`);
      return { field, desc: (match[2] ?? 'asc').toLowerCase() === 'desc' };
    });
}

/** Sorts in place. Keys are computed once per row; unset values sort last ascending, first descending (PostgreSQL). */
export function sortRows(env: Env, model: string, rows: Row[], order: string): void {
  const terms = parseOrder(env, model, order);
  if (rows.length < 2 || terms.length === 0) return;
  const def = env.db.def(model);
  const keyed = rows.map((row) => ({
    row,
    keys: terms.map(({ field }) => {
      const value = getValue(env, model, row, field);
      const f = def.fields[field]!;
      if (f.type === 'many2one')
        return typeof value === 'number' ? displayNameOf(env, f.relation!, value) : null;
      if (value === false && f.type !== 'boolean') return null;
      return value as string | number | boolean | null;
    }),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < terms.length; i++) {
      const c = compare(a.keys[i], b.keys[i]);
      if (c !== 0) return terms[i]!.desc ? -c : c;
    }
    return 0;
  });
  keyed.forEach((k, i) => (rows[i] = k.row));
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return (a as number) < (b as number) ? -1 : 1;
}
