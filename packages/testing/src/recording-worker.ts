import { conversationKey, type Turn, type TurnAttempt, type TurnWorker } from '@mcp-crew/core';

export interface RecordedCall {
  turn: Turn;
  attempt: TurnAttempt;
  startedAt: number;
}

/**
 * A `TurnWorker` that records every call and notices two turns of one conversation running at once.
 * `onHandle` decides what each call does (throw to fail the attempt); `onExhausted` likewise.
 */
export class RecordingWorker implements TurnWorker {
  readonly calls: RecordedCall[] = [];
  /** Turns whose `handle` returned normally, in completion order. */
  readonly handled: Turn[] = [];
  readonly exhaustedCalls: Array<{ turn: Turn; error: unknown }> = [];
  readonly running = new Set<string>();
  overlaps = 0;
  onHandle: (turn: Turn, attempt: TurnAttempt) => Promise<void> = async () => {};
  onExhausted: (turn: Turn, error: unknown) => Promise<void> = async () => {};

  async handle(turn: Turn, attempt: TurnAttempt): Promise<void> {
    const key = conversationKey(turn.tenantId, turn.conversationId);
    if (this.running.has(key)) this.overlaps++;
    this.running.add(key);
    this.calls.push({ turn, attempt, startedAt: Date.now() });
    try {
      await this.onHandle(turn, attempt);
      this.handled.push(turn);
    } finally {
      this.running.delete(key);
    }
  }

  async exhausted(turn: Turn, error: unknown): Promise<void> {
    this.exhaustedCalls.push({ turn, error });
    await this.onExhausted(turn, error);
  }

  /** Delivery ids of every successfully handled message, in handling order. */
  handledDeliveries(): string[] {
    return this.handled.flatMap((t) => t.messages.map((m) => m.deliveryId));
  }
}
