import type { TenantId } from '../tenant/tenant.js';
import type { CacheKind } from './cache-kind.js';

/** Counters of one tenant and kind since the process started (monotonic, for Prometheus counters). */
export interface CacheKindStats {
  tenant: TenantId;
  kind: CacheKind;
  /** `getOrLoad` calls answered from the store. */
  hits: number;
  /** `getOrLoad` calls not answered from the store (including those that joined another call's load). */
  misses: number;
  /** Loader calls actually made: below `misses` when single-flight merged concurrent misses. */
  loads: number;
  /** Loader calls that threw (never cached). */
  loadErrors: number;
  /** Store reads or writes that failed and were skipped (the request was served by the loader). */
  storeErrors: number;
}

type Counter = Exclude<keyof CacheKindStats, 'tenant' | 'kind'>;

/** Mutable counters per tenant and kind; one instance per `CacheStore`, shared by its `TenantCache`s. */
export class CacheCounters {
  readonly #byKey = new Map<string, CacheKindStats>();

  add(tenant: TenantId, kind: CacheKind, counter: Counter, by = 1): void {
    const id = `${tenant}\u0000${kind}`;
    let stats = this.#byKey.get(id);
    if (!stats) {
      stats = { tenant, kind, hits: 0, misses: 0, loads: 0, loadErrors: 0, storeErrors: 0 };
      this.#byKey.set(id, stats);
    }
    stats[counter] += by;
  }

  /** Copies of the counters, optionally of one tenant only. */
  snapshot(tenant?: TenantId): CacheKindStats[] {
    return [...this.#byKey.values()]
      .filter((s) => tenant === undefined || s.tenant === tenant)
      .map((s) => ({ ...s }));
  }
}
