import { SANDBOX_VERSION } from './version.js';
import { OdooFault, accessDenied, keyError, unknownDatabase } from './faults.js';
import { callKw, callNamed, resolveMethod } from '../orm/methods.js';
import type { Database } from '../orm/database.js';
import type { Env } from '../orm/types.js';

/** Counts calls per model (or service) and method: the benchmark counts Odoo round trips. */
export class CallStats {
  private readonly counts = new Map<string, Map<string, number>>();
  total = 0;

  record(target: string, method: string): void {
    this.total++;
    const byMethod = this.counts.get(target) ?? new Map<string, number>();
    byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    this.counts.set(target, byMethod);
  }

  snapshot(): SandboxStats {
    const calls: Record<string, Record<string, number>> = {};
    for (const [target, byMethod] of this.counts) calls[target] = Object.fromEntries(byMethod);
    return { total: this.total, calls };
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}

/** Calls served so far: `calls['sale.order']['create']`, `calls['common']['authenticate']`. */
export interface SandboxStats {
  total: number;
  calls: Record<string, Record<string, number>>;
}

/** Odoo's RPC services (`common`, `db`, `object`) over the sandbox database; shared by XML-RPC and JSON-RPC. */
export class RpcServices {
  constructor(
    private current: Database,
    readonly stats: CallStats,
  ) {}

  /** The database every call is served from. */
  get db(): Database {
    return this.current;
  }

  /** Serves every later call from another database (a sandbox reset); calls in flight finish on the old one. */
  replaceDatabase(db: Database): void {
    this.current = db;
  }

  /** The uid for a login and a password or API key, or false (like `common.authenticate`). */
  authenticate(login: unknown, secret: unknown): number | false {
    const found = this.db.credentials.find((c) => c.login === login && c.secret === secret);
    return found ? found.uid : false;
  }

  /** The uid an API key belongs to (JSON-2 bearer auth). */
  uidForKey(key: string): number | false {
    return this.db.credentials.find((c) => c.secret === key)?.uid ?? false;
  }

  private checkDb(db: unknown): void {
    if (db !== this.db.name) throw unknownDatabase(String(db));
  }

  /** `dispatch_rpc(service, method, params)`; returns `undefined` for Python None. */
  dispatch(service: string, method: string, params: unknown[]): unknown {
    switch (service) {
      case 'common':
        this.stats.record('common', method);
        return this.common(method, params);
      case 'db':
        this.stats.record('db', method);
        if (method === 'list') return [this.db.name];
        if (method === 'server_version') return SANDBOX_VERSION.server_version;
        throw keyError(`exp_${method}`);
      case 'object':
        return this.object(method, params);
      default:
        throw keyError(service);
    }
  }

  private common(method: string, params: unknown[]): unknown {
    switch (method) {
      case 'version':
        return SANDBOX_VERSION;
      case 'login':
      case 'authenticate':
        this.checkDb(params[0]);
        return this.authenticate(params[1], params[2]);
      case 'about':
        return 'See http://openerp.com';
      default:
        throw keyError(`exp_${method}`);
    }
  }

  private object(method: string, params: unknown[]): unknown {
    if (method !== 'execute_kw' && method !== 'execute') throw keyError(`exp_${method}`);
    const [db, uid, password, model, modelMethod, args, kwargs] = params;
    this.stats.record(String(model), String(modelMethod));
    this.checkDb(db);
    const user = this.db.credentials.find((c) => c.uid === uid && c.secret === password);
    if (!user) throw accessDenied();
    const env: Env = { db: this.db, uid: user.uid, context: {} };
    if (method === 'execute') return callKw(env, String(model), String(modelMethod), params.slice(5), {});
    const positional = Array.isArray(args) ? args : [];
    const named =
      kwargs && typeof kwargs === 'object' && !Array.isArray(kwargs)
        ? (kwargs as Record<string, unknown>)
        : {};
    return callKw(env, String(model), String(modelMethod), positional, named);
  }

  /** Odoo 19's `/json/2/<model>/<method>`: named arguments, `ids` for recordset methods. */
  json2(uid: number, model: string, method: string, body: Record<string, unknown>): unknown {
    this.stats.record(model, method);
    const env: Env = { db: this.db, uid, context: {} };
    const spec = resolveMethod(env, model, method);
    const { ids, ...named } = body;
    if (spec.recordset && ids === undefined)
      throw new OdooFault('builtins.TypeError', `${method}() missing the ids of the records`);
    const idList = Array.isArray(ids)
      ? ids.filter((i): i is number => typeof i === 'number')
      : typeof ids === 'number'
        ? [ids]
        : [];
    return callNamed(env, model, method, spec, idList, named);
  }
}
