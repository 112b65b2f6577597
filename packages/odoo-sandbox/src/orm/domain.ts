import { valueError } from '../rpc/faults.js';
import { pyRepr } from '../rpc/py.js';
import { likeRegex } from './like.js';
import { displayNameOf, getValue } from './values.js';
import type { Env, FieldDef, Row } from './types.js';

/** A predicate over rows of one model. */
export type RowPredicate = (row: Row) => boolean;

const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  '=?',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
]);

/**
 * Compiles an Odoo domain (prefix `&` `|` `!`, implicit AND between terms, leaves `[field, op, value]`
 * with dotted paths through relational fields) into a predicate. Unknown fields fail here, before any
 * row is read, with Odoo's ValueError.
 */
export function compileDomain(env: Env, model: string, domain: unknown): RowPredicate {
  if (domain === undefined || domain === null || domain === false) return () => true;
  if (!Array.isArray(domain)) throw valueError(`Invalid domain: ${pyRepr(domain)}`);
  let pos = 0;
  const term = (): RowPredicate => {
    if (pos >= domain.length) throw valueError(`Domain ${pyRepr(domain)} is syntactically not correct.`);
    const item: unknown = domain[pos++];
    if (item === '&' || item === '|') {
      const a = term();
      const b = term();
      return item === '&' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
    if (item === '!') {
      const a = term();
      return (r) => !a(r);
    }
    return compileLeaf(env, model, item);
  };
  const terms: RowPredicate[] = [];
  while (pos < domain.length) terms.push(term());
  if (terms.length === 0) return () => true;
  if (terms.length === 1) return terms[0]!;
  return (r) => terms.every((t) => t(r));
}

function compileLeaf(env: Env, model: string, leaf: unknown): RowPredicate {
  if (!Array.isArray(leaf) || leaf.length !== 3) throw valueError(`Invalid leaf ${pyRepr(leaf)}`);
  const [path, rawOp, value] = leaf as [unknown, unknown, unknown];
  if (path === 1 || path === 0) return () => path === 1; // TRUE_LEAF / FALSE_LEAF
  const op = String(rawOp).toLowerCase();
  const shown = `(${leaf.map(pyRepr).join(', ')})`;
  if (typeof path !== 'string' || !OPERATORS.has(op)) throw valueError(`Invalid leaf ${shown}`);
  const [head, ...rest] = path.split('.');
  const def = env.db.def(model);
  const field = def.fields[head!];
  if (!field) throw valueError(`Invalid field ${model}.${head} in leaf ${shown}`);
  if (rest.length > 0) {
    if (!field.relation) throw valueError(`Invalid field ${model}.${path} in leaf ${shown}`);
    const sub = compileLeaf(env, field.relation, [rest.join('.'), op, value]);
    const comodel = field.relation;
    return (row) => {
      const v = getValue(env, model, row, head!);
      const ids = Array.isArray(v) ? (v as number[]) : typeof v === 'number' ? [v] : [];
      return ids.some((id) => {
        const target = env.db.row(comodel, id);
        return target !== undefined && sub(target);
      });
    };
  }
  const test = compileOperator(env, model, head!, field, op === '<>' ? '!=' : op, value);
  return (row) => test(getValue(env, model, row, head!), row);
}

function compileOperator(
  env: Env,
  model: string,
  name: string,
  field: FieldDef,
  op: string,
  value: unknown,
): (v: unknown, row: Row) => boolean {
  const relational = field.type === 'many2one' || field.type === 'one2many' || field.type === 'many2many';
  // A relational value compared with text compares the related records' names (Odoo's name_search).
  const names = (v: unknown): string[] =>
    (Array.isArray(v) ? (v as number[]) : typeof v === 'number' ? [v] : []).map((id) =>
      displayNameOf(env, field.relation!, id),
    );
  const ids = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === false ? [] : [v]);
  const isSet = (v: unknown) =>
    !(v === false || v === null || v === undefined || (Array.isArray(v) && v.length === 0));

  switch (op) {
    case '=?':
      if (value === false || value === null || value === undefined) return () => true;
      return compileOperator(env, model, name, field, '=', value);
    case '=':
    case '!=': {
      const eq = (v: unknown): boolean => {
        if (value === false || value === null)
          return field.type === 'boolean' ? v === false : !isSet(v) || v === '';
        if (relational && typeof value === 'string') return names(v).some((n) => n === value);
        if (relational) return ids(v).includes(value);
        if (field.type === 'boolean') return Boolean(v) === Boolean(value);
        return v === value;
      };
      return op === '=' ? (v) => eq(v) : (v) => !eq(v);
    }
    case 'in':
    case 'not in': {
      const list = Array.isArray(value) ? value : [value];
      const wantsUnset = list.includes(false) || list.includes(null);
      const member = (v: unknown): boolean => {
        if (!isSet(v)) return wantsUnset;
        if (relational) return ids(v).some((id) => list.includes(id));
        return list.includes(v);
      };
      return op === 'in' ? (v) => member(v) : (v) => !member(v);
    }
    case 'like':
    case 'not like':
    case 'ilike':
    case 'not ilike':
    case '=like':
    case '=ilike': {
      const negative = op.startsWith('not ');
      const base = negative ? op.slice(4) : op;
      if (!negative && (value === '' || value === false) && !base.startsWith('=')) return () => true;
      const re = likeRegex(
        String(value === false ? '' : value),
        !base.startsWith('='),
        base.endsWith('ilike'),
      );
      const matches = (v: unknown): boolean => {
        if (relational) return names(v).some((n) => re.test(n));
        return typeof v === 'string' ? re.test(v) : typeof v === 'number' ? re.test(String(v)) : false;
      };
      // PostgreSQL: NULL never matches LIKE, and Odoo adds "OR col IS NULL" to the negative forms.
      return negative ? (v) => !matches(v) : (v) => matches(v);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const cmp = (v: unknown): boolean => {
        if (!isSet(v) && typeof v !== 'number') return false;
        if (value === false || value === null) return false;
        const a = v as number | string;
        const b = value as number | string;
        return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
      };
      return (v) => cmp(v);
    }
    case 'child_of':
    case 'parent_of': {
      const target = relational ? field.relation! : model;
      const roots = resolveIds(env, target, value);
      const set = op === 'child_of' ? descendants(env, target, roots) : ancestors(env, target, roots);
      return (v) => ids(v).some((id) => set.has(id as number));
    }
    default:
      throw valueError(`Invalid operator ${pyRepr(op)}`);
  }
}

function resolveIds(env: Env, model: string, value: unknown): number[] {
  const list = Array.isArray(value) ? value : [value];
  const out: number[] = [];
  for (const item of list) {
    if (typeof item === 'number') out.push(item);
    else if (typeof item === 'string') {
      for (const row of env.db.table(model).values())
        if (displayNameOf(env, model, row.id) === item) out.push(row.id);
    }
  }
  return out;
}

function descendants(env: Env, model: string, roots: number[]): Set<number> {
  const parent = env.db.def(model).parentField;
  const set = new Set(roots);
  if (!parent) return set;
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of env.db.table(model).values()) {
      const p = row[parent];
      if (typeof p === 'number' && set.has(p) && !set.has(row.id)) {
        set.add(row.id);
        grew = true;
      }
    }
  }
  return set;
}

function ancestors(env: Env, model: string, roots: number[]): Set<number> {
  const parent = env.db.def(model).parentField;
  const set = new Set<number>();
  for (let id of roots) {
    while (!set.has(id)) {
      set.add(id);
      const p = parent ? env.db.row(model, id)?.[parent] : undefined;
      if (typeof p !== 'number') break;
      id = p;
    }
  }
  return set;
}
