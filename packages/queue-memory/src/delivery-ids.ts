/**
 * Remembers delivery ids for a fixed TTL. Every entry lives equally long, so insertion order is expiry
 * order and expired entries can be dropped from the front of the Map without scanning it.
 */
export class DeliveryIdMemory {
  readonly #expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records the id and returns true when it is new (or its memory expired); false for a duplicate. */
  remember(id: string): boolean {
    const now = this.now();
    this.evictExpired(now);
    if (this.#expiries.has(id)) return false;
    this.#expiries.set(id, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.#expiries.size;
  }

  private evictExpired(now: number): void {
    for (const [id, expiresAt] of this.#expiries) {
      if (expiresAt > now) return;
      this.#expiries.delete(id);
    }
  }
}
