import { userError } from '../rpc/faults.js';
import { magicFields } from './fields.js';
import type { ModelDef, Row } from './types.js';

/** A credential the sandbox accepts: a password or an API key, both map to the user. */
export interface Credential {
  uid: number;
  login: string;
  secret: string;
}

/**
 * One in-memory Odoo database: a table (id → row) per model, an undo log so a failing call
 * leaves nothing behind (Odoo runs every RPC call in one SQL transaction), sequences and a clock.
 */
export class Database {
  private readonly defs = new Map<string, ModelDef>();
  private readonly tables = new Map<string, Map<number, Row>>();
  private readonly nextIds = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  readonly credentials: Credential[] = [];
  /** Users who may read but not create, write or delete (to produce AccessError). */
  readonly readonlyUids = new Set<number>();
  /** Undo log of the running call: original rows by table, inserted ids, removed rows. */
  private undo: { saved: Map<Row, Row>; inserted: [string, number][]; removed: [string, Row][] } | undefined;

  constructor(
    readonly name: string,
    defs: ModelDef[],
    /** The server clock; tests pass a fixed one. */
    public now: () => Date = () => new Date(),
  ) {
    for (const def of defs) {
      const full: ModelDef = { ...def, fields: { ...magicFields(), ...def.fields } };
      this.defs.set(def.name, full);
      const table = def.table ?? def.name;
      if (!this.tables.has(table)) this.tables.set(table, new Map());
    }
  }

  has(model: string): boolean {
    return this.defs.has(model);
  }

  models(): string[] {
    return [...this.defs.keys()];
  }

  /** The model's definition; an unknown model is the UserError Odoo raises for it. */
  def(model: string): ModelDef {
    const def = this.defs.get(model);
    if (!def) throw userError(`Object ${model} doesn't exist`);
    return def;
  }

  table(model: string): Map<number, Row> {
    const def = this.def(model);
    return this.tables.get(def.table ?? def.name)!;
  }

  row(model: string, id: number): Row | undefined {
    return this.table(model).get(id);
  }

  insert(model: string, row: Row): void {
    const def = this.def(model);
    const name = def.table ?? def.name;
    this.tables.get(name)!.set(row.id, row);
    if (row.id >= (this.nextIds.get(name) ?? 1)) this.nextIds.set(name, row.id + 1);
    this.undo?.inserted.push([model, row.id]);
  }

  newId(model: string): number {
    const def = this.def(model);
    return this.nextIds.get(def.table ?? def.name) ?? 1;
  }

  /** Makes the next record of `model` get `id` (seeding with the ids fixtures and demos rely on). */
  setNextId(model: string, id: number): void {
    const def = this.def(model);
    this.nextIds.set(def.table ?? def.name, id);
  }

  /** Mutates a row, remembering its previous values for rollback. Arrays are always replaced, never mutated. */
  update(row: Row, values: Record<string, unknown>): void {
    if (this.undo && !this.undo.saved.has(row)) this.undo.saved.set(row, { ...row });
    Object.assign(row, values);
  }

  remove(model: string, id: number): void {
    const table = this.table(model);
    const row = table.get(id);
    if (!row) return;
    table.delete(id);
    this.undo?.removed.push([model, row]);
  }

  /** Next number of a sequence (not rolled back, like PostgreSQL sequences). */
  nextSequence(code: string): number {
    const next = (this.sequences.get(code) ?? 0) + 1;
    this.sequences.set(code, next);
    return next;
  }

  setSequence(code: string, last: number): void {
    this.sequences.set(code, last);
  }

  /** Runs one call atomically: if it throws, every change it made is undone. */
  transaction<T>(work: () => T): T {
    if (this.undo) return work();
    this.undo = { saved: new Map(), inserted: [], removed: [] };
    const log = this.undo;
    try {
      return work();
    } catch (error) {
      for (const [row, original] of log.saved) {
        for (const key of Object.keys(row)) if (!(key in original)) delete row[key];
        Object.assign(row, original);
      }
      for (const [model, row] of log.removed) this.table(model).set(row.id, row);
      for (const [model, id] of log.inserted) this.table(model).delete(id);
      throw error;
    } finally {
      this.undo = undefined;
    }
  }
}
