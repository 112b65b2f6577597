/** Requests sent to Odoo by one client: what the benchmark reports as "number of Odoo calls". */
export interface OdooClientStats {
  /** HTTP requests sent, retries included. */
  calls: number;
  /** Of those, how many were retries after a transport failure. */
  retries: number;
  /** Requests per `model/method` (`res.partner/search_read`) or `service/method` (`common/authenticate`). */
  byMethod: Record<string, number>;
}

export class StatsCounter {
  #calls = 0;
  #retries = 0;
  #byMethod = new Map<string, number>();

  count(label: string): void {
    this.#calls++;
    this.#byMethod.set(label, (this.#byMethod.get(label) ?? 0) + 1);
  }

  retry(): void {
    this.#retries++;
  }

  snapshot(): OdooClientStats {
    return { calls: this.#calls, retries: this.#retries, byMethod: Object.fromEntries(this.#byMethod) };
  }

  reset(): void {
    this.#calls = 0;
    this.#retries = 0;
    this.#byMethod.clear();
  }
}
