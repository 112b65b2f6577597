import type { JobsOptions, Queue } from 'bullmq';

interface Pending<T> {
  data: T;
  opts: JobsOptions;
  resolve(id: string | undefined): void;
  reject(error: unknown): void;
}

/** Most adds in one pipeline: a bounded write, and a slow batch never holds more requests than this. */
const MAX_BATCH = 256;

/**
 * Adds that arrive in the same turn of the event loop leave together: one `addBulk` (one pipeline, one
 * round trip to Redis) per batch instead of one script call each. Each caller gets its own job's id back (a
 * deduplicated add returns the id of the job already there). A failed batch rejects every add in it.
 */
export class AddBatcher<T> {
  #pending: Array<Pending<T>> = [];
  #scheduled = false;

  constructor(
    private readonly queue: () => Queue<T>,
    private readonly name: string,
  ) {}

  add(data: T, opts: JobsOptions): Promise<string | undefined> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ data, opts, resolve, reject });
      if (this.#pending.length >= MAX_BATCH) this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        // After the I/O callbacks of this loop turn: every request parsed in it joins the batch.
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const batch = this.#pending;
    if (batch.length === 0) return;
    this.#pending = [];
    const jobs = batch.map((p) => ({ name: this.name, data: p.data, opts: p.opts }));
    // addBulk's types want the queue's own job-name type; every add here uses `name`.
    this.queue()
      .addBulk(jobs as Parameters<Queue<T>['addBulk']>[0])
      .then(
        (added) => batch.forEach((p, i) => p.resolve(added[i]?.id)),
        (error: unknown) => batch.forEach((p) => p.reject(error)),
      );
  }
}
