import { missingError, validationError, valueError } from '../rpc/faults.js';
import { formatDatetime } from '../rpc/py.js';
import { checkAccess } from './access.js';
import { toStored } from './assign.js';
import { applyX2many } from './commands.js';
import { isX2many } from './fields.js';
import type { Env, ModelDef, Row } from './types.js';

type Vals = Record<string, unknown>;

function checkFieldNames(def: ModelDef, vals: Vals): void {
  for (const name of Object.keys(vals)) {
    if (!(name in def.fields)) throw valueError(`Invalid field '${name}' on model '${def.name}'`);
  }
}

/** Fields a client may not really set: computed ones and the magic ones (Odoo ignores them). */
const ignored = (def: ModelDef, name: string) =>
  Boolean(def.fields[name]!.compute) ||
  ['id', 'display_name', 'create_date', 'create_uid', 'write_date', 'write_uid'].includes(name);

/** `create` for one vals dict: defaults, model hooks, required check, then x2many commands. */
export function createRecord(env: Env, model: string, vals: Vals, checked = false): number {
  if (!checked) checkAccess(env, model, 'create');
  const def = env.db.def(model);
  if (typeof vals !== 'object' || vals === null || Array.isArray(vals))
    throw valueError('create() expects a dict of values');
  checkFieldNames(def, vals);
  const stamp = formatDatetime(env.db.now());
  const row: Row = {
    id: env.db.newId(model),
    create_date: stamp,
    write_date: stamp,
    create_uid: env.uid,
    write_uid: env.uid,
  };
  for (const [name, field] of Object.entries(def.fields)) {
    if (name in row || field.compute || field.type === 'one2many') continue;
    if (name in vals && !isX2many(field)) {
      if (!ignored(def, name)) row[name] = toStored(model, name, field, vals[name]);
    } else if (field.default !== undefined && !(name in vals)) {
      const value =
        typeof field.default === 'function'
          ? (field.default as (e: Env, v: Vals) => unknown)(env, vals)
          : field.default;
      row[name] = field.type === 'many2many' ? value : toStored(model, name, field, value);
    } else if (field.type === 'many2many') {
      row[name] = [];
    }
  }
  def.prepareCreate?.(env, row, vals);
  checkRequired(def, row);
  env.db.insert(model, row);
  for (const [name, field] of Object.entries(def.fields)) {
    if (isX2many(field) && name in vals && !field.compute)
      applyX2many(env, model, row, name, field, vals[name]);
  }
  def.validate?.(env, row);
  return row.id;
}

function checkRequired(def: ModelDef, row: Row): void {
  for (const [name, field] of Object.entries(def.fields)) {
    if (!field.required || field.compute || isX2many(field)) continue;
    const value = row[name];
    if (value === false || value === undefined || value === null || value === '') {
      throw validationError(
        'The operation cannot be completed:\n' +
          '- Create/update: a mandatory field is not set.\n' +
          '- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n' +
          `Model: ${def.description} (${def.name})\nField: ${field.string} (${name})`,
      );
    }
  }
}

/** The rows of `ids`, or Odoo's MissingError naming the ones that are gone. */
export function browseExisting(env: Env, model: string, ids: number[]): Row[] {
  const rows: Row[] = [];
  const missing: number[] = [];
  for (const id of ids) {
    const row = env.db.row(model, id);
    if (row) rows.push(row);
    else missing.push(id);
  }
  if (missing.length) throw missingError(model, missing, env.uid);
  return rows;
}

/** `write`: the same values on every record, x2many commands per record. */
export function writeRecords(env: Env, model: string, ids: number[], vals: Vals, checked = false): true {
  if (!checked) checkAccess(env, model, 'write');
  const def = env.db.def(model);
  checkFieldNames(def, vals);
  const rows = browseExisting(env, model, ids);
  def.beforeWrite?.(env, rows, vals);
  const stored: Vals = { write_date: formatDatetime(env.db.now()), write_uid: env.uid };
  for (const [name, value] of Object.entries(vals)) {
    const field = def.fields[name]!;
    if (!isX2many(field) && !ignored(def, name)) stored[name] = toStored(model, name, field, value);
  }
  for (const row of rows) {
    env.db.update(row, stored);
    checkRequired(def, row);
    for (const [name, value] of Object.entries(vals)) {
      const field = def.fields[name]!;
      if (isX2many(field) && !field.compute) applyX2many(env, model, row, name, field, value);
    }
  }
  for (const row of rows) def.validate?.(env, row);
  return true;
}

/** `unlink`: model guards, then cascade to one2many children and clear many2one references. */
export function unlinkRecords(env: Env, model: string, ids: number[], checked = false): true {
  if (!checked) checkAccess(env, model, 'unlink');
  const def = env.db.def(model);
  const rows = ids.map((id) => env.db.row(model, id)).filter((r): r is Row => r !== undefined);
  def.beforeUnlink?.(env, rows);
  const gone = new Set(rows.map((r) => r.id));
  for (const row of rows) env.db.remove(model, row.id);
  const seenTables = new Set<string>();
  for (const other of env.db.models()) {
    const odef = env.db.def(other);
    // Models that share a table (product.template / product.product) are handled once.
    if (seenTables.has(odef.table ?? other)) continue;
    seenTables.add(odef.table ?? other);
    for (const [name, field] of Object.entries(odef.fields)) {
      if (field.type !== 'many2one' || field.relation !== model || field.compute) continue;
      const refs = [...env.db.table(other).values()].filter((r) => gone.has(r[name] as number));
      if (refs.length === 0) continue;
      if (field.ondelete === 'cascade')
        unlinkRecords(
          env,
          other,
          refs.map((r) => r.id),
          true,
        );
      else for (const r of refs) env.db.update(r, { [name]: false });
    }
  }
  return true;
}
