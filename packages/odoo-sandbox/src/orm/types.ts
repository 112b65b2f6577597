import type { Database } from './database.js';

/** One stored record: scalar values, many2one as an id or false, many2many as an id array. */
export type Row = { id: number; [field: string]: unknown };

export type FieldType =
  | 'char'
  | 'text'
  | 'html'
  | 'integer'
  | 'float'
  | 'monetary'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'selection'
  | 'many2one'
  | 'one2many'
  | 'many2many'
  | 'binary'
  | 'json';

/** The environment of one call: the database, the calling user and the call's context. */
export interface Env {
  db: Database;
  uid: number;
  context: Record<string, unknown>;
}

export interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one field on the comodel that points back. */
  inverse?: string;
  required?: boolean;
  readonly?: boolean;
  help?: string;
  selection?: [string, string][];
  /** many2one: what happens to this record when the target is deleted. */
  ondelete?: 'cascade' | 'set null' | 'restrict';
  /** Value for a new record when `create` does not give one. */
  default?: unknown | ((env: Env, vals: Record<string, unknown>) => unknown);
  /** Not stored: computed on every read and search from the stored values. */
  compute?: (env: Env, row: Row) => unknown;
}

/** A public model method beyond the generic ORM ones (`action_confirm`, ...). */
export interface MethodSpec {
  /** Called on records: the first positional argument is the ids. */
  recordset: boolean;
  /** Names of the positional parameters after the ids, in order (for XML-RPC / JSON-RPC). */
  params: string[];
  /** May return `undefined`: Python `None`, which each protocol encodes its own way. */
  run: (env: Env, model: string, ids: number[], kw: Record<string, unknown>) => unknown;
}

export interface ModelDef {
  name: string;
  /** `_description`: used in access errors. */
  description: string;
  /** `_order`. */
  order: string;
  fields: Record<string, FieldDef>;
  /** Models that share one table (product.template and product.product, one variant each). */
  table?: string;
  /** Field that names a record when there is no `displayName` (default `name`). */
  recName?: string;
  displayName?: (env: Env, row: Row) => string;
  /** Parent field for `child_of` / `parent_of`. */
  parentField?: string;
  /** Group named in the AccessError a read-only user gets. */
  writeGroup?: string;
  methods?: Record<string, MethodSpec>;
  /** Fills values `create` needs beyond plain defaults (sequence numbers, prices). */
  prepareCreate?: (env: Env, row: Row, vals: Record<string, unknown>) => void;
  /** Called before `write` applies `vals` to the rows (state guards, price reset). */
  beforeWrite?: (env: Env, rows: Row[], vals: Record<string, unknown>) => void;
  /** Called after create or write, inside the transaction; throw to roll the call back. */
  validate?: (env: Env, row: Row) => void;
  beforeUnlink?: (env: Env, rows: Row[]) => void;
}
