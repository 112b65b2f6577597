import type { Turn } from '../message/message.js';

/** Counters one queue instance keeps since it started (per process), for metrics. */
export interface QueueStats {
  /** Messages accepted by `enqueue` (new delivery ids). */
  enqueued: number;
  /** `enqueue` calls dropped as duplicate deliveries. */
  duplicates: number;
  /** Turns whose `handle` succeeded. */
  turnsHandled: number;
  /** Failed attempts that were scheduled to run again. */
  retries: number;
  /** Turns that failed their last attempt and were passed to `exhausted`. */
  exhausted: number;
  /** Exhausted turns whose `exhausted` call threw too: kept in `failedTurns()` for an operator. */
  exhaustedFailures: number;
}

export function emptyQueueStats(): QueueStats {
  return { enqueued: 0, duplicates: 0, turnsHandled: 0, retries: 0, exhausted: 0, exhaustedFailures: 0 };
}

/** What every queue adapter exposes besides the port: counters, and the turns nobody could take. */
export interface QueueInspection {
  stats(): QueueStats;
  /** Turns that ran out of attempts and whose hand-over to a human failed too, oldest first (bounded). */
  failedTurns(): Promise<Turn[]>;
  /** Turns past their coalescing window and waiting for a worker, per tenant id (the queue depth to watch). */
  readyTurns(): Promise<Record<string, number>>;
}

/** The slice of a pino logger the queue adapters use. */
export interface QueueLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Fallback when no logger is given: errors still reach stderr, never silently dropped. */
export const CONSOLE_QUEUE_LOGGER: QueueLogger = {
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};
