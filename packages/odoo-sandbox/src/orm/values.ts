import { PyFloat } from '../rpc/py.js';
import { emptyValue } from './fields.js';
import { search } from './search.js';
import type { Env, FieldDef, Row } from './types.js';

/** The name Odoo shows for a record (`display_name`, the second element of a many2one pair). */
export function displayName(env: Env, model: string, row: Row): string {
  const def = env.db.def(model);
  if (def.displayName) return def.displayName(env, row);
  const name = row[def.recName ?? 'name'];
  return typeof name === 'string' ? name : `${model},${row.id}`;
}

export function displayNameOf(env: Env, model: string, id: number): string {
  const row = env.db.row(model, id);
  return row ? displayName(env, model, row) : '';
}

/**
 * The raw value of a field for domain evaluation, sorting and computations: many2one as an id or
 * false, x2many as ids, computed fields computed now, unset fields as Odoo reads them.
 */
export function getValue(env: Env, model: string, row: Row, name: string): unknown {
  if (name === 'id') return row.id;
  if (name === 'display_name') return displayName(env, model, row);
  const field = env.db.def(model).fields[name];
  if (!field) return undefined;
  if (field.compute) return field.compute(env, row);
  if (field.type === 'one2many') {
    return search(env, field.relation!, [[field.inverse!, '=', row.id]]).map((r) => r.id);
  }
  const value = row[name];
  return value === undefined || value === null ? emptyValue(field) : value;
}

/** A value as `read` returns it: many2one `[id, name]`, floats as Python floats, many2many in the comodel's order. */
export function formatValue(env: Env, field: FieldDef, value: unknown): unknown {
  switch (field.type) {
    case 'many2one':
      return typeof value === 'number' ? [value, displayNameOf(env, field.relation!, value)] : false;
    case 'float':
    case 'monetary':
      return new PyFloat(typeof value === 'number' ? value : 0);
    case 'many2many': {
      const ids = (value as number[]).filter((id) => env.db.row(field.relation!, id));
      if (ids.length < 2) return ids;
      // Odoo returns many2many ids in the comodel's _order (a SQL join), not insertion order.
      return search(env, field.relation!, [['id', 'in', ids]], { activeTest: false }).map((r) => r.id);
    }
    default:
      return value;
  }
}

/** Reads fields of one row in `read` format; `id` always comes first. */
export function readRow(env: Env, model: string, row: Row, fields: string[]): Record<string, unknown> {
  const def = env.db.def(model);
  const out: Record<string, unknown> = { id: row.id };
  for (const name of fields) {
    if (name === 'id') continue;
    out[name] = formatValue(env, def.fields[name]!, getValue(env, model, row, name));
  }
  return out;
}
