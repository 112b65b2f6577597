import { configFingerprint, type TenantConfig, type TenantDirectory, type TenantId } from '@mcp-crew/core';

/**
 * Told the id of a tenant whose configuration changed or that is gone (`tenant` undefined), with the
 * configuration it had, after the snapshot moved.
 */
export type TenantChangeListener = (
  id: TenantId,
  tenant: TenantConfig | undefined,
  previous: TenantConfig,
) => void | Promise<void>;

/** Where per-tenant caches (connections, clients, gateways) learn that a tenant's configuration changed. */
export interface TenantChanges {
  onChange(listener: TenantChangeListener): () => void;
}

export interface TenantSnapshotOptions {
  /** How often the snapshot is re-read from the directory, so another process's change shows up (ms; 0 = never). */
  refreshMs?: number;
  onRefreshError?: (error: unknown) => void;
}

/**
 * An in-memory copy of every tenant for the webhook's hot path, which must not wait on I/O: `peek` is a map
 * lookup. It is re-read on a timer and at once after a change made through this process (`refresh`).
 * `get` and `list` go to the directory itself (which keeps its own short cache), so workers see a change as
 * soon as it is written.
 *
 * Each refresh compares every tenant's configuration with the previous snapshot and tells the listeners which
 * tenants changed or are gone: the per-tenant caches drop their clients then. A change made through this
 * process shows at once (the admin API refreshes), one made by another replica within `refreshMs`. Polling
 * rather than a Redis pub/sub: a replica that was disconnected when a notice went out would miss it for good,
 * while the next poll always converges; it needs no Redis (the embedded store), and the snapshot polls anyway.
 */
export class TenantSnapshot implements TenantDirectory, TenantChanges {
  #tenants = new Map<TenantId, TenantConfig>();
  #timer?: NodeJS.Timeout;
  readonly #listeners = new Set<TenantChangeListener>();

  private constructor(private readonly directory: TenantDirectory) {}

  /** Loads the first snapshot (failing if the directory cannot be read) and starts the refresh timer. */
  static async over(
    directory: TenantDirectory,
    options: TenantSnapshotOptions = {},
  ): Promise<TenantSnapshot> {
    const snapshot = new TenantSnapshot(directory);
    await snapshot.refresh();
    if (options.refreshMs && options.refreshMs > 0) {
      snapshot.#timer = setInterval(
        () => void snapshot.refresh().catch((e: unknown) => options.onRefreshError?.(e)),
        options.refreshMs,
      );
      // The timer must not keep a process (or a test run) alive on its own.
      snapshot.#timer.unref();
    }
    return snapshot;
  }

  get(id: TenantId): Promise<TenantConfig | undefined> {
    return this.directory.get(id);
  }

  list(): Promise<TenantConfig[]> {
    return this.directory.list();
  }

  /** Synchronous lookup from the snapshot (the webhook path). */
  peek(id: string): TenantConfig | undefined {
    return this.#tenants.get(id as TenantId);
  }

  ids(): TenantId[] {
    return [...this.#tenants.keys()];
  }

  /** Calls `listener` for every tenant whose configuration changes from now on; returns the unsubscribe. */
  onChange(listener: TenantChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Re-reads every tenant; the old snapshot stays in use until the new one is complete. */
  async refresh(): Promise<void> {
    const list = await this.directory.list();
    const previous = this.#tenants;
    this.#tenants = new Map(list.map((t) => [t.id, t]));
    // A new tenant has nothing cached yet: only changed and removed ones are announced.
    const changed = [...previous].filter(([id, old]) => {
      const now = this.#tenants.get(id);
      return !now || configFingerprint(now) !== configFingerprint(old);
    });
    for (const [id, old] of changed) await this.#announce(id, this.#tenants.get(id), old);
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#listeners.clear();
  }

  async #announce(id: TenantId, tenant: TenantConfig | undefined, previous: TenantConfig): Promise<void> {
    for (const listener of this.#listeners) {
      // One failing cache must not keep the others stale; the listener logs its own failure.
      await Promise.resolve()
        .then(() => listener(id, tenant, previous))
        .catch(() => undefined);
    }
  }
}
