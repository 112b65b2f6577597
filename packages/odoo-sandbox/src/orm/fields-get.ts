import type { Env } from './types.js';

const DEFAULT_ATTRIBUTES = [
  'string',
  'type',
  'help',
  'required',
  'readonly',
  'relation',
  'relation_field',
  'selection',
  'store',
  'sortable',
  'searchable',
];

/** `fields_get(allfields, attributes)`: field name → attributes, as Odoo 18 describes its fields. */
export function fieldsGet(
  env: Env,
  model: string,
  allfields: unknown,
  attributes: unknown,
): Record<string, Record<string, unknown>> {
  const def = env.db.def(model);
  const wanted =
    Array.isArray(attributes) && attributes.length ? (attributes as string[]) : DEFAULT_ATTRIBUTES;
  const names =
    Array.isArray(allfields) && allfields.length ? (allfields as string[]) : Object.keys(def.fields);
  const out: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const field = def.fields[name];
    if (!field) continue;
    const all: Record<string, unknown> = {
      string: field.string,
      type: field.type,
      required: field.required ?? false,
      readonly: field.readonly ?? Boolean(field.compute),
      store: !field.compute && field.type !== 'one2many',
      sortable: !field.compute && field.type !== 'one2many' && field.type !== 'many2many',
      searchable: true,
    };
    if (field.help) all['help'] = field.help;
    if (field.relation) all['relation'] = field.relation;
    if (field.inverse) all['relation_field'] = field.inverse;
    if (field.selection) all['selection'] = field.selection;
    const attrs: Record<string, unknown> = {};
    for (const key of Object.keys(all).sort()) if (wanted.includes(key)) attrs[key] = all[key];
    out[name] = attrs;
  }
  return out;
}
