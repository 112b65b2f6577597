import { LRUCache } from 'lru-cache';
import type { TenantConfig, TenantId } from '@mcp-crew/core';

/**
 * Short-lived in-process copies of tenant configuration. Writes through the tenant store invalidate at
 * once; the TTL bounds how long another process's write takes to show here.
 */
export class TenantCache {
  // Boxed so that "no such tenant" can be cached too (lru-cache does not store undefined).
  readonly #byId: LRUCache<TenantId, { config: TenantConfig | undefined }>;
  #all: { configs: TenantConfig[]; expires: number } | undefined;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#byId = new LRUCache({ max: 10_000, ttl: Math.max(1, ttlMs), ttlResolution: 0, perf: { now } });
  }

  get(id: TenantId): { config: TenantConfig | undefined } | undefined {
    return this.ttlMs > 0 ? this.#byId.get(id) : undefined;
  }

  set(id: TenantId, config: TenantConfig | undefined): void {
    if (this.ttlMs > 0) this.#byId.set(id, { config });
  }

  getAll(): TenantConfig[] | undefined {
    return this.#all && this.#all.expires > this.now() ? this.#all.configs : undefined;
  }

  setAll(configs: TenantConfig[]): void {
    if (this.ttlMs > 0) this.#all = { configs, expires: this.now() + this.ttlMs };
  }

  /** Forgets one tenant (and the list, which holds it), or everything. */
  invalidate(id?: TenantId): void {
    if (id === undefined) this.#byId.clear();
    else this.#byId.delete(id);
    this.#all = undefined;
  }
}
