import { CrewError } from '../errors/crew-error.js';
import { tenantId as parseTenantId, type TenantId } from '../tenant/tenant.js';
import { CACHE_KINDS, DEFAULT_CACHE_TTLS_MS, isCacheKind, type CacheKind } from './cache-kind.js';
import { entryKey, kindTagKey, recordTagKey, tenantPrefix, type CacheTag } from './cache-keys.js';
import { CacheCounters, type CacheKindStats } from './cache-stats.js';
import type { CacheStore } from './cache-store.js';

export interface GetOrLoadOptions<T> {
  /**
   * Odoo records the value was built from, so `invalidate({ model, ids })` drops it. A function receives the
   * loaded value, for reads whose records are known only afterwards (a product search's results).
   */
  tags?: readonly CacheTag[] | ((value: T) => readonly CacheTag[]);
  /** Overrides the kind's TTL for this entry. */
  ttlMs?: number;
}

export interface TenantCacheOptions {
  /** Per-kind TTL overrides (e.g. from the tenant's configuration). */
  ttlsMs?: Partial<Record<CacheKind, number>>;
}

interface Outcome {
  hit: boolean;
  value: unknown;
}

/** What every `TenantCache` of one store shares: the in-flight loads, the counters, the invalidation epochs. */
interface StoreState {
  flights: Map<string, Promise<Outcome>>;
  counters: CacheCounters;
  epochs: Map<TenantId, number>;
}

// Keyed by store so that caches obtained by separate `cacheFor` calls still share single-flight and counters.
const states = new WeakMap<CacheStore, StoreState>();

function stateOf(store: CacheStore): StoreState {
  let state = states.get(store);
  if (!state) {
    state = { flights: new Map(), counters: new CacheCounters(), epochs: new Map() };
    states.set(store, state);
  }
  return state;
}

const constructionGuard = Symbol('cacheFor');

/**
 * The cache as one tenant sees it. Obtained only through `cacheFor(store, tenantId)`: every key it touches is
 * built here under `mcp-crew:{<tenant>}:`, so no method can name, read or invalidate another tenant's entries.
 *
 * Values are JSON: what comes back is what `JSON.stringify`/`JSON.parse` make of the loaded value (also on
 * the first, loading call, so a hit and a miss look the same). A loader result of `undefined` is returned
 * but not cached; `null` is cached (a lookup that found nothing is an answer too).
 *
 * Single-flight is per process: concurrent identical misses in one process share one loader call; separate
 * processes (orchestrator replicas) may each load once. The cache is best-effort on the read path: if the
 * store fails, `getOrLoad` serves the loader's value (counted as `storeErrors`) rather than failing the
 * customer's request.
 */
export class TenantCache {
  readonly #store: CacheStore;
  readonly #state: StoreState;
  readonly #ttls: Record<CacheKind, number>;

  /** @internal Use `cacheFor(store, tenantId)`. */
  constructor(
    guard: symbol,
    readonly tenant: TenantId,
    store: CacheStore,
    options: TenantCacheOptions = {},
  ) {
    if (guard !== constructionGuard) {
      throw new CrewError('cache_misuse', 'obtain a TenantCache through cacheFor(store, tenantId)', {
        domain: 'cache',
        category: 'system',
      });
    }
    this.#store = store;
    this.#state = stateOf(store);
    this.#ttls = { ...DEFAULT_CACHE_TTLS_MS };
    for (const [kind, ttl] of Object.entries(options.ttlsMs ?? {})) {
      if (ttl !== undefined) this.#ttls[assertKind(kind)] = assertTtl(ttl);
    }
  }

  /**
   * The cached value of `kind` for `keyParts`, or the loader's value (then cached). `keyParts` are any
   * JSON-able values (hashed into the key, so they may hold anything but a `Secret`). Loader errors reject
   * every caller waiting on that load and are not cached.
   */
  async getOrLoad<T>(
    kind: CacheKind,
    keyParts: readonly unknown[],
    loader: () => Promise<T>,
    options: GetOrLoadOptions<T> = {},
  ): Promise<T> {
    assertKind(kind);
    const ttlMs = options.ttlMs === undefined ? this.#ttls[kind] : assertTtl(options.ttlMs);
    const key = entryKey(this.tenant, kind, keyParts);
    let flight = this.#state.flights.get(key);
    if (!flight) {
      flight = this.#fly(kind, key, loader, options.tags, ttlMs);
      const started = flight;
      const forget = () => {
        if (this.#state.flights.get(key) === started) this.#state.flights.delete(key);
      };
      started.then(forget, forget);
      this.#state.flights.set(key, started);
    }
    try {
      const outcome = await flight;
      this.#count(kind, outcome.hit ? 'hits' : 'misses');
      return outcome.value as T;
    } catch (error) {
      this.#count(kind, 'misses');
      throw error;
    }
  }

  /** Drops every entry of this tenant tagged with one of the records; resolves to how many were dropped. */
  async invalidate(records: { model: string; ids: readonly number[] }): Promise<number> {
    const tags = records.ids.map((id) => recordTagKey(this.tenant, { model: records.model, id }));
    if (tags.length === 0) return 0;
    this.#newEpoch();
    return this.#store.invalidateTags(tags);
  }

  /** Drops every entry of one kind for this tenant. */
  async invalidateKind(kind: CacheKind): Promise<number> {
    assertKind(kind);
    this.#newEpoch();
    return this.#store.invalidateTags([kindTagKey(this.tenant, kind)]);
  }

  /** Drops every entry of this tenant (e.g. after its Odoo database was restored). */
  async invalidateAll(): Promise<number> {
    this.#newEpoch();
    return this.#store.invalidateTags(CACHE_KINDS.map((kind) => kindTagKey(this.tenant, kind)));
  }

  /** Hit/miss counters of this tenant, one row per kind used so far. */
  stats(): CacheKindStats[] {
    return this.#state.counters.snapshot(this.tenant);
  }

  async #fly<T>(
    kind: CacheKind,
    key: string,
    loader: () => Promise<T>,
    tags: GetOrLoadOptions<T>['tags'],
    ttlMs: number,
  ): Promise<Outcome> {
    const epoch = this.#epoch();
    const tagKeysOf = (value: T) => {
      const recordTags = typeof tags === 'function' ? tags(value) : (tags ?? []);
      return [kindTagKey(this.tenant, kind), ...recordTags.map((t) => recordTagKey(this.tenant, t))];
    };
    // Fixed tags are checked before the loader runs, so a malformed tag never costs an Odoo call.
    if (typeof tags !== 'function') tagKeysOf(undefined as T);
    const cached = await this.#read(kind, key);
    if (cached) return cached;

    this.#count(kind, 'loads');
    let value: T;
    try {
      value = await loader();
    } catch (error) {
      this.#count(kind, 'loadErrors');
      throw error;
    }
    if (value === undefined) return { hit: false, value };
    const json = JSON.stringify(value);
    const tagKeys = tagKeysOf(value);
    // An invalidation that arrived while loading may mean the loader saw the old record: serve, don't store.
    if (this.#epoch() === epoch) {
      try {
        await this.#store.set(key, json, ttlMs, tagKeys);
      } catch {
        this.#count(kind, 'storeErrors');
      }
    }
    return { hit: false, value: JSON.parse(json) };
  }

  async #read(kind: CacheKind, key: string): Promise<Outcome | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.#store.get(key);
    } catch {
      this.#count(kind, 'storeErrors');
      return undefined;
    }
    if (raw === undefined) return undefined;
    try {
      return { hit: true, value: JSON.parse(raw) };
    } catch {
      return undefined; // not our JSON (corrupted or foreign): reload and overwrite it
    }
  }

  #epoch(): number {
    return this.#state.epochs.get(this.tenant) ?? 0;
  }

  // Loads already under way for this tenant may carry pre-invalidation data: they will not be stored, and
  // new callers must not join them.
  #newEpoch(): void {
    this.#state.epochs.set(this.tenant, this.#epoch() + 1);
    const prefix = tenantPrefix(this.tenant);
    for (const key of this.#state.flights.keys()) {
      if (key.startsWith(prefix)) this.#state.flights.delete(key);
    }
  }

  #count(kind: CacheKind, counter: 'hits' | 'misses' | 'loads' | 'loadErrors' | 'storeErrors'): void {
    this.#state.counters.add(this.tenant, kind, counter);
  }
}

/** The only way to reach the cache: the view of `store` for one tenant. Cheap; call it per request if needed. */
export function cacheFor(store: CacheStore, tenant: TenantId, options?: TenantCacheOptions): TenantCache {
  // Re-validated because a TenantId is only a branded string and a cast could smuggle in "a:b".
  return new TenantCache(constructionGuard, parseTenantId(tenant), store, options);
}

/** Counters of every tenant that used `store` in this process, for the app's metrics. */
export function cacheStats(store: CacheStore): CacheKindStats[] {
  return stateOf(store).counters.snapshot();
}

function assertKind(kind: string): CacheKind {
  if (!isCacheKind(kind)) {
    throw new CrewError('cache_kind_unknown', `unknown cache kind "${kind}"`, {
      domain: 'cache',
      category: 'system',
    });
  }
  return kind;
}

function assertTtl(ttlMs: number): number {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new CrewError('cache_ttl_invalid', 'a cache TTL must be a positive whole number of milliseconds', {
      domain: 'cache',
      category: 'system',
      details: { ttlMs },
    });
  }
  return ttlMs;
}
