import type { FieldDef, FieldType } from './types.js';

// Compact builders so model files read like Odoo field declarations.
type Opts = Partial<Omit<FieldDef, 'type' | 'string' | 'relation'>>;

const make =
  (type: FieldType) =>
  (string: string, opts: Opts = {}): FieldDef => ({ type, string, ...opts });

export const char = make('char');
export const text = make('text');
export const html = make('html');
export const integer = make('integer');
export const float = make('float');
export const monetary = make('monetary');
export const boolean = make('boolean');
export const date = make('date');
export const datetime = make('datetime');
export const binary = make('binary');

export function selection(string: string, options: [string, string][], opts: Opts = {}): FieldDef {
  return { type: 'selection', string, selection: options, ...opts };
}

export function many2one(relation: string, string: string, opts: Opts = {}): FieldDef {
  return { type: 'many2one', string, relation, ...opts };
}

export function one2many(relation: string, inverse: string, string: string, opts: Opts = {}): FieldDef {
  return { type: 'one2many', string, relation, inverse, ...opts };
}

export function many2many(relation: string, string: string, opts: Opts = {}): FieldDef {
  return { type: 'many2many', string, relation, ...opts };
}

/** Odoo's magic fields, present on every model. */
export function magicFields(): Record<string, FieldDef> {
  return {
    id: integer('ID', { readonly: true }),
    display_name: char('Display Name', { readonly: true }),
    create_date: datetime('Created on', { readonly: true }),
    create_uid: many2one('res.users', 'Created by', { readonly: true }),
    write_date: datetime('Last Updated on', { readonly: true }),
    write_uid: many2one('res.users', 'Last Updated by', { readonly: true }),
  };
}

/** The value an unset field reads as: `false` for most types, 0 for numbers, `[]` for x2many. */
export function emptyValue(field: FieldDef): unknown {
  switch (field.type) {
    case 'integer':
    case 'float':
    case 'monetary':
      return 0;
    case 'one2many':
    case 'many2many':
      return [];
    default:
      return false;
  }
}

export const isRelational = (f: FieldDef) =>
  f.type === 'many2one' || f.type === 'one2many' || f.type === 'many2many';
export const isX2many = (f: FieldDef) => f.type === 'one2many' || f.type === 'many2many';
