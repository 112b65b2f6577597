import type { TenantId } from '@mcp-crew/core';

/**
 * Ready work, one FIFO per tenant, served round-robin: each pick goes to the eligible tenant served least
 * recently (a tenant never served, or back after a pause, goes first). A tenant's burst therefore waits
 * behind itself, never in front of another tenant's next turn.
 */
export class TenantRoundRobin<T> {
  readonly #queues = new Map<TenantId, T[]>();
  /** When each tenant was last served (a pick counter); kept while the tenant is idle. */
  readonly #lastServed = new Map<TenantId, number>();
  #picks = 0;
  #size = 0;

  push(tenantId: TenantId, item: T): void {
    let queue = this.#queues.get(tenantId);
    if (!queue) {
      queue = [];
      this.#queues.set(tenantId, queue);
    }
    queue.push(item);
    this.#size++;
  }

  /** The next item of the least recently served tenant that `eligible` accepts. */
  take(eligible: (tenantId: TenantId) => boolean): T | undefined {
    let chosen: TenantId | undefined;
    let chosenServed = Infinity;
    for (const tenantId of this.#queues.keys()) {
      const served = this.#lastServed.get(tenantId) ?? -1;
      if (served < chosenServed && eligible(tenantId)) {
        chosen = tenantId;
        chosenServed = served;
      }
    }
    if (chosen === undefined) return undefined;
    const queue = this.#queues.get(chosen)!;
    const item = queue.shift()!;
    this.#size--;
    if (queue.length === 0) this.#queues.delete(chosen);
    this.#lastServed.set(chosen, this.#picks++);
    return item;
  }

  includes(tenantId: TenantId, item: T): boolean {
    return this.#queues.get(tenantId)?.includes(item) ?? false;
  }

  /** Ready items per tenant (the queue depth to watch). */
  depths(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [tenantId, queue] of this.#queues) out[tenantId] = queue.length;
    return out;
  }

  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#queues.clear();
    this.#size = 0;
  }
}
