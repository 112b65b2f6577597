import { guardedCall, type TenantBreakers } from '@mcp-crew/reliability';
import type { OdooApi, OdooDomain, OdooRecord, SearchReadOptions } from './odoo-api.js';

export interface GuardedOdooApiOptions {
  tenantId: string;
  breakers: TenantBreakers;
  /** Longest wait for one read; cut to what is left of the turn. */
  callTimeoutMs: number;
}

// Methods reached through `call` that only read: safe to stop waiting for.
const READ_METHODS = new Set([
  'search',
  'search_read',
  'read',
  'search_count',
  'name_search',
  'read_group',
  'fields_get',
  'default_get',
  'check_access_rights',
]);

/**
 * A tenant's Odoo behind its circuit breaker and the turn's deadline: reads give up at their timeout (or
 * when the turn runs out of time), writes are awaited to their end so none is left unrecorded, and once
 * Odoo failed several times in a row the tenant's calls fail at once until it recovers.
 */
export class GuardedOdooApi implements OdooApi {
  constructor(
    private readonly inner: OdooApi,
    private readonly options: GuardedOdooApiOptions,
  ) {}

  searchRead(model: string, domain: OdooDomain, options?: SearchReadOptions): Promise<OdooRecord[]> {
    return this.#read(`${model} search_read`, () => this.inner.searchRead(model, domain, options));
  }

  read(model: string, ids: number[], fields?: string[]): Promise<OdooRecord[]> {
    return this.#read(`${model} read`, () => this.inner.read(model, ids, fields));
  }

  searchCount(model: string, domain: OdooDomain): Promise<number> {
    return this.#read(`${model} search_count`, () => this.inner.searchCount(model, domain));
  }

  fieldsGet(model: string, attributes?: string[]): ReturnType<OdooApi['fieldsGet']> {
    return this.#read(`${model} fields_get`, () => this.inner.fieldsGet(model, attributes));
  }

  create(model: string, values: Record<string, unknown>): Promise<number> {
    return this.#write(`${model} create`, () => this.inner.create(model, values));
  }

  write(model: string, ids: number[], values: Record<string, unknown>): Promise<boolean> {
    return this.#write(`${model} write`, () => this.inner.write(model, ids, values));
  }

  call(model: string, method: string, args: unknown[], kwargs?: Record<string, unknown>): Promise<unknown> {
    const run = () => this.inner.call(model, method, args, kwargs);
    return READ_METHODS.has(method)
      ? this.#read(`${model} ${method}`, run)
      : this.#write(`${model} ${method}`, run);
  }

  #read<T>(what: string, call: () => Promise<T>): Promise<T> {
    const { tenantId, breakers, callTimeoutMs } = this.options;
    return guardedCall(
      {
        tenantId,
        dependency: 'odoo',
        label: `Odoo ${what}`,
        timeoutMs: callTimeoutMs,
        breakers,
        abandonable: true,
      },
      call,
    );
  }

  #write<T>(what: string, call: () => Promise<T>): Promise<T> {
    const { tenantId, breakers, callTimeoutMs } = this.options;
    return guardedCall(
      {
        tenantId,
        dependency: 'odoo',
        label: `Odoo ${what}`,
        timeoutMs: callTimeoutMs,
        breakers,
        abandonable: false,
      },
      call,
    );
  }
}
