import { OdooFault, accessError, attributeError, valueError } from '../rpc/faults.js';
import { createRecord, unlinkRecords, writeRecords } from './crud.js';
import { fieldsGet } from './fields-get.js';
import { search } from './search.js';
import { displayName, readRow } from './values.js';
import type { Env, MethodSpec } from './types.js';

type Kw = Record<string, unknown>;

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** The field list for `read`: all fields when none are asked for; unknown ones are Odoo's ValueError. */
function readFields(env: Env, model: string, fields: unknown): string[] {
  const def = env.db.def(model);
  if (!Array.isArray(fields) || fields.length === 0) return Object.keys(def.fields);
  for (const name of fields) {
    if (typeof name !== 'string' || !(name in def.fields))
      throw valueError(`Invalid field ${JSON.stringify(name).replace(/"/g, "'")} on model '${model}'`);
  }
  return fields as string[];
}

/** The ORM methods every model has, with their Python signatures (for positional arguments). */
export const GENERIC_METHODS: Record<string, MethodSpec> = {
  search_read: {
    recordset: false,
    params: ['domain', 'fields', 'offset', 'limit', 'order'],
    run: (env, model, _ids, kw) => {
      const fields = readFields(env, model, kw['fields']);
      return search(env, model, kw['domain'], {
        offset: asNumber(kw['offset']),
        limit: asNumber(kw['limit']),
        order: asString(kw['order']),
      }).map((row) => readRow(env, model, row, fields));
    },
  },
  search: {
    recordset: false,
    params: ['domain', 'offset', 'limit', 'order'],
    run: (env, model, _ids, kw) =>
      search(env, model, kw['domain'], {
        offset: asNumber(kw['offset']),
        limit: asNumber(kw['limit']),
        order: asString(kw['order']),
      }).map((r) => r.id),
  },
  search_count: {
    recordset: false,
    params: ['domain', 'limit'],
    run: (env, model, _ids, kw) => search(env, model, kw['domain'], { limit: asNumber(kw['limit']) }).length,
  },
  read: {
    recordset: true,
    params: ['fields', 'load'],
    run: (env, model, ids, kw) => {
      const fields = readFields(env, model, kw['fields']);
      // Missing ids are skipped, not an error: `read([999999])` is `[]` on Odoo 18.
      return ids.flatMap((id) => {
        const row = env.db.row(model, id);
        return row ? [readRow(env, model, row, fields)] : [];
      });
    },
  },
  name_search: {
    recordset: false,
    params: ['name', 'args', 'operator', 'limit'],
    run: (env, model, _ids, kw) => {
      const name = typeof kw['name'] === 'string' ? kw['name'] : '';
      const operator = asString(kw['operator']) ?? 'ilike';
      const extra = (kw['domain'] ?? kw['args'] ?? []) as unknown[];
      const domain = name ? ['&', ['display_name', operator, name], ...wrapDomain(extra)] : extra;
      const limit = kw['limit'] === undefined ? 100 : asNumber(kw['limit']);
      return search(env, model, domain, { limit }).map((row) => [row.id, displayName(env, model, row)]);
    },
  },
  create: {
    recordset: false,
    params: ['vals_list'],
    run: (env, model, _ids, kw) => {
      const vals = kw['vals_list'] ?? kw['vals'];
      // A dict gives one id back; a list of dicts gives a list (Odoo's @api.model_create_multi).
      if (Array.isArray(vals)) return vals.map((v) => createRecord(env, model, v as Kw));
      return createRecord(env, model, vals as Kw);
    },
  },
  write: {
    recordset: true,
    params: ['vals'],
    run: (env, model, ids, kw) => writeRecords(env, model, ids, (kw['vals'] ?? {}) as Kw),
  },
  unlink: {
    recordset: true,
    params: [],
    run: (env, model, ids) => unlinkRecords(env, model, ids),
  },
  fields_get: {
    recordset: false,
    params: ['allfields', 'attributes'],
    run: (env, model, _ids, kw) => fieldsGet(env, model, kw['allfields'], kw['attributes']),
  },
  default_get: {
    recordset: false,
    params: ['fields_list'],
    run: (env, model, _ids, kw) => {
      const def = env.db.def(model);
      const out: Kw = {};
      for (const name of (kw['fields_list'] ?? kw['fields'] ?? []) as string[]) {
        const field = def.fields[name];
        if (field?.default !== undefined)
          out[name] =
            typeof field.default === 'function'
              ? (field.default as (e: Env, v: Kw) => unknown)(env, {})
              : field.default;
      }
      return out;
    },
  },
  exists: {
    recordset: true,
    params: [],
    run: (env, model, ids) => ids.filter((id) => env.db.row(model, id)),
  },
};

const wrapDomain = (domain: unknown[]) => (domain.length ? domain : [[1, '=', 1]]);

/** Looks a method up like Odoo's `call_kw`: private names are AccessError, unknown ones AttributeError. */
export function resolveMethod(env: Env, model: string, method: string): MethodSpec {
  if (method.startsWith('_'))
    throw accessError(`Private methods (such as ${method}) cannot be called remotely.`);
  const def = env.db.def(model);
  const spec = def.methods?.[method] ?? GENERIC_METHODS[method];
  if (!spec) throw attributeError(`The method '${method}' does not exist on the model '${model}'`);
  return spec;
}

/** Normalises the ids argument of a recordset method: an int, a list of ints, or nothing. */
export function toIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

/**
 * Calls a model method with XML-RPC / JSON-RPC style arguments: positional `args` (the ids first for
 * recordset methods) and keyword `kwargs`. Returns `undefined` for a Python `None`.
 */
export function callKw(env: Env, model: string, method: string, args: unknown[], kwargs: Kw): unknown {
  const spec = resolveMethod(env, model, method);
  const rest = [...args];
  const ids = spec.recordset ? toIds(rest.shift()) : [];
  return callNamed(env, model, method, spec, ids, positionalToNamed(spec, rest, kwargs));
}

export function positionalToNamed(spec: MethodSpec, args: unknown[], kwargs: Kw): Kw {
  const kw: Kw = { ...kwargs };
  args.forEach((value, i) => {
    const name = spec.params[i];
    if (name === undefined)
      throw new OdooFault(
        'builtins.TypeError',
        `${spec.params.length + (spec.recordset ? 1 : 0)} positional arguments expected, got more`,
      );
    kw[name] = value;
  });
  return kw;
}

/** Calls a method with named arguments (JSON-2 style), inside one transaction. */
export function callNamed(
  env: Env,
  model: string,
  _method: string,
  spec: MethodSpec,
  ids: number[],
  kw: Kw,
): unknown {
  const { context, ...named } = kw;
  const callEnv: Env = { ...env, context: { ...env.context, ...((context as Kw) ?? {}) } };
  return env.db.transaction(() => spec.run(callEnv, model, ids, named));
}
