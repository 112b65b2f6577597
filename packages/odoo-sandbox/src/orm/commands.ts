import { valueError } from '../rpc/faults.js';
import { pyRepr } from '../rpc/py.js';
import { createRecord, unlinkRecords, writeRecords } from './crud.js';
import { search } from './search.js';
import type { Env, FieldDef, Row } from './types.js';

/**
 * Applies x2many commands to one record: `[0,0,vals]` create, `[1,id,vals]` update, `[2,id]` delete,
 * `[3,id]` unlink, `[4,id]` link, `[5]` clear, `[6,0,ids]` replace. A bare id list means `[6,0,ids]`.
 */
export function applyX2many(
  env: Env,
  model: string,
  row: Row,
  name: string,
  field: FieldDef,
  value: unknown,
): void {
  if (value === false || value === null || value === undefined) value = [[5]];
  if (!Array.isArray(value)) throw valueError(`Invalid value for ${model}.${name}: ${pyRepr(value)}`);
  const commands = value.every((v) => typeof v === 'number') ? [[6, 0, value]] : value;
  const comodel = field.relation!;
  const o2m = field.type === 'one2many';
  const inverse = field.inverse!;
  const current = (): number[] =>
    o2m
      ? search(env, comodel, [[inverse, '=', row.id]], { activeTest: false }).map((r) => r.id)
      : ((row[name] as number[]) ?? []);
  const setLinks = (ids: number[]) => env.db.update(row, { [name]: [...new Set(ids)] });
  // Removing a child from a one2many: delete it when its back-reference is required (sale.order.line), else detach it.
  const detach = (ids: number[]) => {
    if (ids.length === 0) return;
    if (env.db.def(comodel).fields[inverse]?.required) unlinkRecords(env, comodel, ids, true);
    else writeRecords(env, comodel, ids, { [inverse]: false }, true);
  };

  for (const command of commands) {
    if (!Array.isArray(command) || typeof command[0] !== 'number')
      throw valueError(`Invalid command ${pyRepr(command)}`);
    const [code, id, arg] = command as [number, number, unknown];
    switch (code) {
      case 0: {
        const vals = { ...(arg as Record<string, unknown>) };
        if (o2m) createRecord(env, comodel, { ...vals, [inverse]: row.id }, true);
        else setLinks([...current(), createRecord(env, comodel, vals, true)]);
        break;
      }
      case 1:
        writeRecords(env, comodel, [id], arg as Record<string, unknown>, true);
        break;
      case 2:
        unlinkRecords(env, comodel, [id], true);
        if (!o2m) setLinks(current().filter((x) => x !== id));
        break;
      case 3:
        if (o2m) detach([id]);
        else setLinks(current().filter((x) => x !== id));
        break;
      case 4:
        if (o2m) writeRecords(env, comodel, [id], { [inverse]: row.id }, true);
        else setLinks([...current(), id]);
        break;
      case 5:
        if (o2m) detach(current());
        else setLinks([]);
        break;
      case 6: {
        const ids = (arg as number[]) ?? [];
        if (o2m) {
          detach(current().filter((x) => !ids.includes(x)));
          writeRecords(env, comodel, ids, { [inverse]: row.id }, true);
        } else setLinks(ids);
        break;
      }
      default:
        throw valueError(`Invalid command ${pyRepr(command)}`);
    }
  }
}
