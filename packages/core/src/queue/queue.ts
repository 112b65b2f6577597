import type { InboundMessage, Turn } from '../message/message.js';

export interface QueueSettings {
  /** Messages of one conversation arriving within this window are handled as one turn. */
  coalesceWindowMs: number;
  /** Attempts per turn before it is given up (and handed to a human). */
  attempts: number;
  /** First retry delay; doubles on each attempt. */
  backoffMs: number;
  /** How long a delivery id is remembered to drop duplicates. */
  idempotencyTtlMs: number;
}

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  coalesceWindowMs: 1500,
  attempts: 4,
  backoffMs: 1000,
  idempotencyTtlMs: 24 * 60 * 60 * 1000,
};

export interface EnqueueResult {
  /** False when the delivery id was seen before (within the idempotency TTL): nothing new was queued. */
  accepted: boolean;
}

export interface TurnAttempt {
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
  /** The turn was taken over from a worker that died (or stopped) while running it. */
  resumed?: boolean;
  /** Aborted when this worker stops: the turn should stop and is handed back to the queue. */
  signal?: AbortSignal;
}

/** Thrown by a worker that stopped a turn because it is shutting down: the queue gives the turn back at once. */
export const TURN_HANDED_BACK = 'TURN_HANDED_BACK';

export interface TurnWorker {
  /** Handles one turn. Throwing schedules a retry with backoff, until the attempts run out. */
  handle(turn: Turn, attempt: TurnAttempt): Promise<void>;
  /** Called once when a turn failed its last attempt: the conversation must go to a human. */
  exhausted(turn: Turn, error: unknown): Promise<void>;
}

/**
 * The inbound queue. `enqueue` resolves only once the message is durably accepted (or recognised as a
 * duplicate); it rejects when it cannot be accepted, so the webhook can ask Chatwoot to retry.
 *
 * Guarantees shared by every adapter: turns of one conversation run one at a time and in order;
 * different conversations run in parallel; a burst within `coalesceWindowMs` becomes one turn;
 * failed turns are retried with exponential backoff and then passed to `exhausted`.
 */
export interface InboundQueue {
  enqueue(message: InboundMessage): Promise<EnqueueResult>;
  /** Starts consuming in this process. */
  startWorker(worker: TurnWorker): Promise<void>;
  /** Whether the queue can accept messages now (health checks). */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
