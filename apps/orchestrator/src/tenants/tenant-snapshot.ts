import type { TenantConfig, TenantDirectory, TenantId } from '@mcp-crew/core';

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
 */
export class TenantSnapshot implements TenantDirectory {
  #tenants = new Map<TenantId, TenantConfig>();
  #timer?: NodeJS.Timeout;

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

  /** Re-reads every tenant; the old snapshot stays in use until the new one is complete. */
  async refresh(): Promise<void> {
    const list = await this.directory.list();
    this.#tenants = new Map(list.map((t) => [t.id, t]));
  }

  close(): void {
    if (this.#timer) clearInterval(this.#timer);
  }
}
