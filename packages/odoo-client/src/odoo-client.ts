import type { OdooConnection } from '@mcp-crew/core';
import {
  configFromConnection,
  resolveConfig,
  type OdooClientConfig,
  type OdooProtocol,
  type ResolvedConfig,
} from './config.js';
import { toDomain, type DomainBuilder, type OdooDomain } from './domain/domain.js';
import type { Redactor } from './errors/map-fault.js';
import { isOdooError, OdooError } from './errors/odoo-error.js';
import { StatsCounter, type OdooClientStats } from './stats.js';
import { OdooHttp } from './transport/http.js';
import { Json2Transport } from './transport/json2-transport.js';
import { JsonRpcTransport } from './transport/json-rpc-transport.js';
import { withRetry } from './transport/retry.js';
import type { RpcTransport } from './transport/rpc-transport.js';
import { XmlRpcTransport } from './transport/xml-rpc-transport.js';
import { parseVersion, type OdooVersion } from './version.js';

export type OdooRecord = Record<string, unknown> & { id: number };
export type DomainInput = OdooDomain | DomainBuilder;
export type OdooContext = Record<string, unknown>;

export interface OdooFieldInfo {
  type: string;
  string?: string;
  relation?: string;
  required?: boolean;
  readonly?: boolean;
  [attribute: string]: unknown;
}

export interface CallOptions {
  context?: OdooContext;
}
export interface SearchOptions extends CallOptions {
  /** `null` is sent as None (no limit), as Odoo accepts. */
  limit?: number | null;
  offset?: number;
  order?: string;
}
export interface SearchReadOptions extends SearchOptions {
  fields?: string[];
}
export interface NameSearchOptions extends CallOptions {
  domain?: DomainInput;
  operator?: string;
  limit?: number;
}
export interface WriteOptions extends CallOptions {
  /**
   * Send the call again after a transport failure (timeout, reset, 502-504). Off by default:
   * a `create` that timed out may have been committed, and repeating it would create twice.
   */
  retryOnTransportError?: boolean;
}
export interface MethodCallOptions {
  /** The method only reads: safe to repeat after a transport failure. Default false. */
  idempotent?: boolean;
}

// Redacting a very short secret (a demo password such as "admin") would mangle ordinary words in
// Odoo's messages; Odoo never echoes credentials anyway, this is a second line of defence.
const MIN_REDACTABLE = 8;

/**
 * A client for one tenant's Odoo over JSON-RPC, XML-RPC or JSON-2 (Odoo 19). It caches the uid
 * (re-authenticating once when Odoo answers AccessDenied), times out and retries transport
 * failures of idempotent calls, maps every fault to an `OdooError`, and counts its requests.
 */
export class OdooClient {
  readonly #config: ResolvedConfig;
  readonly #redact: Redactor;
  readonly #http: OdooHttp;
  readonly #stats = new StatsCounter();
  #rpc?: RpcTransport;
  #json2?: Json2Transport;
  #protocol?: Promise<OdooProtocol>;
  #version?: Promise<OdooVersion>;
  #uid?: number;
  #uidPending?: Promise<number>;

  constructor(config: OdooClientConfig) {
    this.#config = resolveConfig(config);
    const key = this.#config.apiKey.reveal();
    this.#redact = (text) => (key.length >= MIN_REDACTABLE ? text.split(key).join('[redacted]') : text);
    this.#http = new OdooHttp({
      baseUrl: this.#config.url,
      timeoutMs: this.#config.timeoutMs,
      redact: this.#redact,
      userAgent: this.#config.userAgent,
      ...(this.#config.fetch ? { fetch: this.#config.fetch } : {}),
    });
  }

  /** A client for a tenant's configured Odoo. */
  static fromConnection(
    connection: OdooConnection,
    tenant?: string,
    overrides: Partial<OdooClientConfig> = {},
  ): OdooClient {
    return new OdooClient({ ...configFromConnection(connection, tenant), ...overrides });
  }

  /** The protocol in use, asking the server's version first when configured as `auto`. */
  protocol(): Promise<OdooProtocol> {
    this.#protocol ??= this.#resolveProtocol();
    // A failed detection is not cached: the next call asks again.
    this.#protocol.catch(() => (this.#protocol = undefined));
    return this.#protocol;
  }

  /** The server version (`common.version`, or `/web/version` over JSON-2). Asked once per client. */
  version(): Promise<OdooVersion> {
    this.#version ??= this.#fetchVersion();
    this.#version.catch(() => (this.#version = undefined));
    return this.#version;
  }

  /**
   * The API user's id: `common.authenticate` (false means wrong login/key: `ODOO_AUTH_FAILED`),
   * or `res.users/context_get` over JSON-2. Cached; concurrent callers share one request.
   */
  async authenticate(): Promise<number> {
    if (this.#uid !== undefined) return this.#uid;
    this.#uidPending ??= this.#login().finally(() => (this.#uidPending = undefined));
    return this.#uidPending;
  }

  async searchRead<T extends OdooRecord = OdooRecord>(
    model: string,
    where: DomainInput,
    options: SearchReadOptions = {},
  ): Promise<T[]> {
    const d = toDomain(where);
    const kwargs = compact({
      fields: options.fields,
      limit: options.limit,
      offset: options.offset,
      order: options.order,
      context: options.context,
    });
    return (await this.#execute(model, 'search_read', [d], kwargs, { domain: d, ...kwargs }, true)) as T[];
  }

  async search(model: string, where: DomainInput, options: SearchOptions = {}): Promise<number[]> {
    const d = toDomain(where);
    const kwargs = compact({
      limit: options.limit,
      offset: options.offset,
      order: options.order,
      context: options.context,
    });
    return (await this.#execute(model, 'search', [d], kwargs, { domain: d, ...kwargs }, true)) as number[];
  }

  /** `read` of ids that do not exist returns fewer records (Odoo answers `[]`), not an error. */
  async read<T extends OdooRecord = OdooRecord>(
    model: string,
    ids: number[],
    fields?: string[],
    options: CallOptions = {},
  ): Promise<T[]> {
    const kwargs = compact({ fields, context: options.context });
    return (await this.#execute(model, 'read', [ids], kwargs, { ids, ...kwargs }, true)) as T[];
  }

  async searchCount(model: string, where: DomainInput, options: CallOptions = {}): Promise<number> {
    const d = toDomain(where);
    const kwargs = compact({ context: options.context });
    return (await this.#execute(
      model,
      'search_count',
      [d],
      kwargs,
      { domain: d, ...kwargs },
      true,
    )) as number;
  }

  /** `[[id, display name], ...]`. The domain goes positionally: its keyword is `args` before Odoo 17, `domain` since. */
  async nameSearch(
    model: string,
    name: string,
    options: NameSearchOptions = {},
  ): Promise<Array<[number, string]>> {
    const d = options.domain === undefined ? undefined : toDomain(options.domain);
    const kwargs = compact({ operator: options.operator, limit: options.limit, context: options.context });
    const args = d === undefined ? [name] : [name, d];
    return (await this.#execute(
      model,
      'name_search',
      args,
      kwargs,
      compact({ name, domain: d, ...kwargs }),
      true,
    )) as Array<[number, string]>;
  }

  async fieldsGet(
    model: string,
    attributes?: string[],
    options: CallOptions = {},
  ): Promise<Record<string, OdooFieldInfo>> {
    const kwargs = compact({ attributes, context: options.context });
    return (await this.#execute(model, 'fields_get', [], kwargs, kwargs, true)) as Record<
      string,
      OdooFieldInfo
    >;
  }

  /** Creates one record and returns its id. Not retried after a transport failure unless asked. */
  async create(model: string, values: Record<string, unknown>, options: WriteOptions = {}): Promise<number> {
    const kwargs = compact({ context: options.context });
    const result = await this.#execute(
      model,
      'create',
      [values],
      kwargs,
      { vals_list: [values], ...kwargs },
      options.retryOnTransportError ?? false,
    );
    // JSON-2 serialises the created recordset as a list of ids.
    const id = Array.isArray(result) ? result[0] : result;
    if (typeof id !== 'number')
      throw new OdooError('ODOO_PROTOCOL_ERROR', `Odoo's create on ${model} returned no id`);
    return id;
  }

  async write(
    model: string,
    ids: number[],
    values: Record<string, unknown>,
    options: WriteOptions = {},
  ): Promise<boolean> {
    const kwargs = compact({ context: options.context });
    const result = await this.#execute(
      model,
      'write',
      [ids, values],
      kwargs,
      { ids, vals: values, ...kwargs },
      options.retryOnTransportError ?? false,
    );
    return result === true;
  }

  async unlink(model: string, ids: number[], options: WriteOptions = {}): Promise<boolean> {
    const kwargs = compact({ context: options.context });
    const result = await this.#execute(
      model,
      'unlink',
      [ids],
      kwargs,
      { ids, ...kwargs },
      options.retryOnTransportError ?? false,
    );
    return result === true;
  }

  /**
   * Any public model method, e.g. `call('sale.order', 'action_confirm', [[id]])`. A method that
   * returns None gives `null`. Over JSON-2 all arguments are named: `args` may only hold the ids.
   */
  async call(
    model: string,
    method: string,
    args: unknown[] = [],
    kwargs: Record<string, unknown> = {},
    options: MethodCallOptions = {},
  ): Promise<unknown> {
    const named = json2Body(model, method, args, kwargs);
    return this.#execute(model, method, args, compact(kwargs), named, options.idempotent ?? false);
  }

  /** A raw call to an RPC service (`common`, `db`), e.g. `service('common', 'login', [db, login, key])`. */
  async service(service: string, method: string, args: unknown[]): Promise<unknown> {
    const rpc = await this.#rpcTransport();
    try {
      return await this.#attempt(`${service}/${method}`, false, () => rpc.service(service, method, args));
    } catch (error) {
      // An unknown service is a KeyError on the service name: we spoke the protocol wrong.
      if (
        isOdooError(error) &&
        error.details.odooName !== undefined &&
        /KeyError$/.test(String(error.details.odooName))
      ) {
        throw new OdooError('ODOO_PROTOCOL_ERROR', `Odoo has no "${service}" RPC service`, {
          details: error.details,
          cause: error,
        });
      }
      throw error;
    }
  }

  stats(): OdooClientStats {
    return this.#stats.snapshot();
  }

  resetStats(): void {
    this.#stats.reset();
  }

  async #execute(
    model: string,
    method: string,
    args: unknown[],
    kwargs: Record<string, unknown>,
    json2: Record<string, unknown> | Error,
    idempotent: boolean,
  ): Promise<unknown> {
    const protocol = await this.protocol();
    const label = `${model}/${method}`;
    if (protocol === 'json2') {
      if (json2 instanceof Error) throw json2;
      const transport = this.#json2Transport();
      return this.#attempt(label, idempotent, () => transport.call(model, method, json2));
    }
    const rpc = await this.#rpcTransport();
    const run = async (): Promise<unknown> => {
      const uid = await this.authenticate();
      const params: unknown[] = [this.#config.db, uid, this.#config.apiKey.reveal(), model, method, args];
      // Without keyword arguments, execute_kw gets 6 params, as Odoo's own clients send it.
      if (Object.keys(kwargs).length > 0) params.push(kwargs);
      return this.#attempt(label, idempotent, () => rpc.service('object', 'execute_kw', params));
    };
    try {
      return await run();
    } catch (error) {
      if (!isOdooError(error, 'ODOO_ACCESS_DENIED')) throw error;
      // The cached uid may be stale (user recreated, key rotated): authenticate again, once.
      this.#uid = undefined;
      return run();
    }
  }

  async #attempt<T>(label: string, idempotent: boolean, send: () => Promise<T>): Promise<T> {
    const policy = {
      retries: idempotent ? this.#config.retries : 0,
      baseDelayMs: this.#config.retryBaseDelayMs,
    };
    try {
      return await withRetry(
        () => {
          this.#stats.count(label);
          return send();
        },
        policy,
        () => this.#stats.retry(),
      );
    } catch (error) {
      if (error instanceof OdooError) {
        error.details.call = label;
        if (this.#config.tenant !== undefined) error.details.tenant = this.#config.tenant;
        if (error.code === 'ODOO_UNAVAILABLE' && !idempotent) {
          // Say it plainly: the write may have happened even though we got no answer.
          error.details.mayHaveBeenApplied = true;
        }
      }
      throw error;
    }
  }

  async #login(): Promise<number> {
    const protocol = await this.protocol();
    const { db, user } = this.#config;
    let uid: unknown;
    if (protocol === 'json2') {
      const transport = this.#json2Transport();
      const context = (await this.#attempt('res.users/context_get', true, () =>
        transport.call('res.users', 'context_get', {}),
      )) as { uid?: unknown };
      uid = context?.uid;
    } else {
      const rpc = await this.#rpcTransport();
      uid = await this.#attempt('common/authenticate', true, () =>
        rpc.service('common', 'authenticate', [db, user, this.#config.apiKey.reveal(), {}]),
      );
    }
    if (typeof uid !== 'number' || uid <= 0) {
      throw new OdooError(
        'ODOO_AUTH_FAILED',
        `Odoo refused the login "${user}" on database "${db}" (wrong login or API key)`,
        {
          details: {
            db,
            user,
            ...(this.#config.tenant === undefined ? {} : { tenant: this.#config.tenant }),
          },
        },
      );
    }
    this.#uid = uid;
    return uid;
  }

  async #resolveProtocol(): Promise<OdooProtocol> {
    if (this.#config.protocol !== 'auto') return this.#config.protocol;
    const version = await this.version();
    return version.major >= 19 ? 'json2' : 'jsonrpc';
  }

  async #fetchVersion(): Promise<OdooVersion> {
    const configured = this.#config.protocol;
    if (configured === 'json2') {
      const transport = this.#json2Transport();
      return parseVersion(await this.#attempt('web/version', true, () => transport.version()));
    }
    const rpc = configured === 'xmlrpc' ? this.#xmlRpc() : this.#jsonRpc();
    try {
      return parseVersion(
        await this.#attempt('common/version', true, () => rpc.service('common', 'version', [])),
      );
    } catch (error) {
      // Odoo 20 drops /jsonrpc; /web/version still answers there.
      if (
        configured === 'auto' &&
        isOdooError(error, 'ODOO_PROTOCOL_ERROR') &&
        error.details.status === 404
      ) {
        const transport = this.#json2Transport();
        return parseVersion(await this.#attempt('web/version', true, () => transport.version()));
      }
      throw error;
    }
  }

  async #rpcTransport(): Promise<RpcTransport> {
    const protocol = await this.protocol();
    if (protocol === 'json2') {
      throw new OdooError(
        'ODOO_PROTOCOL_ERROR',
        'RPC services (common, db) are not available over JSON-2; configure protocol jsonrpc or xmlrpc',
      );
    }
    return protocol === 'xmlrpc' ? this.#xmlRpc() : this.#jsonRpc();
  }

  #jsonRpc(): RpcTransport {
    if (this.#rpc?.protocol !== 'jsonrpc') this.#rpc = new JsonRpcTransport(this.#http, this.#redact);
    return this.#rpc;
  }

  #xmlRpc(): RpcTransport {
    if (this.#rpc?.protocol !== 'xmlrpc')
      this.#rpc = new XmlRpcTransport(this.#http, this.#redact, this.#config.xmlrpcPath);
    return this.#rpc;
  }

  #json2Transport(): Json2Transport {
    this.#json2 ??= new Json2Transport(this.#http, this.#redact, this.#config.db, () =>
      this.#config.apiKey.reveal(),
    );
    return this.#json2;
  }
}

/** Leaves out undefined members (not given); null stays (sent as None). */
function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

function isIdList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v));
}

/** JSON-2 has no positional arguments: only a leading id list can be translated (to `ids`). */
function json2Body(
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown>,
): Record<string, unknown> | Error {
  if (args.length === 0) return compact(kwargs);
  if (args.length === 1 && isIdList(args[0])) return { ids: args[0], ...compact(kwargs) };
  return new OdooError(
    'ODOO_PROTOCOL_ERROR',
    `JSON-2 takes named arguments only: call ${model}.${method} with ids in args[0] and everything else in kwargs`,
  );
}
