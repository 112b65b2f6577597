import type { QueueLogger } from '@mcp-crew/core';
import { Cluster, Redis } from 'ioredis';

/** How long BullMQ's close may take once this process's own jobs have all finished. */
export const CLOSE_GRACE_MS = 1000;

/** Counts the jobs a processor is running, so a close can tell "still working" from "stuck". */
export class InFlight {
  #running = 0;
  #waiters: Array<() => void> = [];

  /**
   * Wraps a BullMQ processor: every call is counted while it runs. The wrapper declares BullMQ's three
   * parameters because BullMQ passes the abort signal only to a processor whose `length` is at least 3.
   */
  track<J, R>(
    processor: (job: J, token?: string, signal?: AbortSignal) => Promise<R>,
  ): (job: J, token?: string, signal?: AbortSignal) => Promise<R> {
    return async (job: J, token?: string, signal?: AbortSignal) => {
      this.#running++;
      try {
        return await processor(job, token, signal);
      } finally {
        if (--this.#running === 0) for (const wake of this.#waiters.splice(0)) wake();
      }
    };
  }

  get running(): number {
    return this.#running;
  }

  /** Resolves when no job is running. */
  idle(): Promise<void> {
    if (this.#running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}

/** The part of a BullMQ `Worker` a close needs. */
export interface ClosableWorker {
  readonly name: string;
  close(): Promise<void>;
  getBackend(): { readonly blockingClient: Promise<unknown> | undefined };
}

/**
 * BullMQ's graceful close: waits for the jobs in flight, then closes the worker's connections. Resolves once
 * closed, or once this process's own jobs have finished and the close has had `graceMs` more.
 *
 * On an ioredis `Cluster` BullMQ's close can wait for ever: it ends its wait for a job by disconnecting its
 * blocking connection and awaiting that client's `end` event, which a cluster disconnected while reconnecting
 * (no node left in its pool) never emits (taskforcesh/bullmq#4065, #4656), and its own cluster recovery may be
 * reconnecting for up to 30 s. Nothing of ours is running by then, so the close is not waited for any longer:
 * the blocking client is disconnected (clearing its reconnect timer) and the caller closes the shared
 * connection. A stalled job cannot result: every job this worker took has finished.
 */
export async function closeWorker(
  worker: ClosableWorker,
  inFlight: InFlight,
  logger: QueueLogger,
  graceMs = CLOSE_GRACE_MS,
): Promise<void> {
  const closing = worker.close();
  closing.catch(() => undefined); // a close left behind must not reject unhandled
  let timer: NodeJS.Timeout | undefined;
  const overdue = inFlight
    .idle()
    .then(() => new Promise<'overdue'>((resolve) => (timer = setTimeout(() => resolve('overdue'), graceMs))));
  try {
    if ((await Promise.race([closing.then(() => 'closed' as const), overdue])) === 'closed') return;
  } finally {
    clearTimeout(timer);
  }
  const blocking = await worker.getBackend().blockingClient;
  logger.warn(
    { queue: worker.name, blocking: blocking instanceof Cluster ? blocking.status : 'n/a' },
    'worker close still waiting on its blocking connection after its jobs ended: not waiting longer',
  );
  if (blocking instanceof Cluster || blocking instanceof Redis) blocking.disconnect();
}

/** Whether `work` settles within `ms` (it keeps running either way; a late rejection is swallowed). */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
