import {
  CrewError,
  turnKey,
  type Turn,
  type TurnAttempt,
  type TurnWorker,
  TURN_HANDED_BACK,
} from '@mcp-crew/core';
import { deadlineExceeded, newTurnScope, runInTurnScope, type TurnScope } from '@mcp-crew/reliability';
import type { PipelineLogger } from '../turn/turn-processor.js';

/** What the deadline runner needs from the worker it wraps: the turn itself, and the hand-over when time is up. */
export interface DeadlineAwareWorker extends TurnWorker {
  /** The customer gets an honest short message, a private note says what was being done and what failed, status `open`. */
  deadlinePassed(turn: Turn, what: DeadlineReport): Promise<void>;
}

/** What the abandoned turn was doing when its deadline passed. */
export interface DeadlineReport {
  activity: readonly string[];
  failures: readonly string[];
  deadlineMs: number;
  /** The turn had already sent the customer a message (the hand-over then adds none). */
  answered: boolean;
}

export interface DeadlineWorkerOptions {
  inner: DeadlineAwareWorker;
  /** Time from the turn's first message to the customer's answer. */
  deadlineMs: number;
  logger: PipelineLogger;
  now?: () => number;
  /** Turns of only these contents run without a deadline (summary requests: nobody waits for them). */
  exempt?: (turn: Turn) => boolean;
}

/**
 * Runs every turn against a deadline counted from its first message. Each outside call inside the turn is
 * cut to what is left (see the turn scope); when the deadline passes, the turn is abandoned (its signal
 * aborts: no more calls, no more messages; a write already sent to Odoo finishes and is recorded under its
 * key, never repeated) and the conversation is handed over at once. A turn resumed from a dead worker gets
 * a fresh deadline from when it resumed: its customer already waited for the recovery.
 */
export class DeadlineWorker implements TurnWorker {
  readonly #now: () => number;

  constructor(private readonly options: DeadlineWorkerOptions) {
    this.#now = options.now ?? Date.now;
  }

  async handle(turn: Turn, attempt: TurnAttempt): Promise<void> {
    const { inner, deadlineMs } = this.options;
    const controller = new AbortController();
    const stop = () => controller.abort();
    attempt.signal?.addEventListener('abort', stop, { once: true });
    const first = Math.min(...turn.messages.map((m) => m.receivedAt));
    const exempt = this.options.exempt?.(turn) ?? false;
    const deadlineAt = exempt
      ? Number.MAX_SAFE_INTEGER
      : attempt.resumed
        ? Math.max(first + deadlineMs, this.#now() + deadlineMs)
        : first + deadlineMs;
    const scope = newTurnScope({
      tenantId: turn.tenantId,
      turnKey: turnKey(turn),
      deadlineAt,
      signal: controller.signal,
    });

    if (deadlineAt <= this.#now()) {
      // A retry that starts past the deadline (its backoff outlived the turn) hands over instead of trying again.
      attempt.signal?.removeEventListener('abort', stop);
      await this.#handOver(turn, scope);
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      if (!exempt) timer = setTimeout(() => resolve('expired'), Math.max(0, deadlineAt - this.#now()));
    });
    const handedBack = new Promise<'stopping'>((resolve) =>
      attempt.signal?.addEventListener('abort', () => resolve('stopping'), { once: true }),
    );
    const work = runInTurnScope(scope, () => inner.handle(turn, attempt));
    try {
      const first = await Promise.race([work.then(() => 'done' as const), expired, handedBack]);
      if (first === 'done') return;
      // The reason tells a model call cut by the deadline (a timeout its breakers count) from a worker stopping.
      controller.abort(first === 'expired' ? deadlineExceeded() : undefined);
      // The abandoned turn stops at its next call; whatever it still throws is expected and only logged.
      work.catch((error: unknown) =>
        this.options.logger.info(
          { tenant: turn.tenantId, conversation: turn.conversationId, err: describe(error) },
          'abandoned turn stopped',
        ),
      );
      if (first === 'stopping')
        throw new CrewError(TURN_HANDED_BACK, 'the worker is stopping; the turn goes back to the queue', {
          domain: 'queue',
          category: 'system',
          retryable: true,
        });
      await this.#handOver(turn, scope);
    } finally {
      clearTimeout(timer);
      attempt.signal?.removeEventListener('abort', stop);
    }
  }

  exhausted(turn: Turn, error: unknown): Promise<void> {
    return this.options.inner.exhausted(turn, error);
  }

  async #handOver(turn: Turn, scope: TurnScope): Promise<void> {
    const { inner, deadlineMs, logger } = this.options;
    logger.warn(
      {
        tenant: turn.tenantId,
        conversation: turn.conversationId,
        activity: scope.activity,
        failures: scope.failures,
      },
      'turn deadline passed; handing over',
    );
    // The hand-over is its own set of effects (keyed apart from the abandoned turn's), with its own short budget.
    const handover = newTurnScope({
      tenantId: turn.tenantId,
      turnKey: `${scope.turnKey}:deadline`,
      deadlineAt: this.#now() + deadlineMs,
      signal: new AbortController().signal,
    });
    // What failed stays failed for the hand-over's routing (an Odoo that is down is not asked for a salesperson).
    for (const dependency of scope.failedDependencies) handover.failedDependencies.add(dependency);
    // A message the abandoned turn already sent (or was sending) is the customer's answer: no second one.
    const answered = (scope.steps.get('chatwoot_message') ?? 0) > 0;
    await runInTurnScope(handover, () =>
      inner.deadlinePassed(turn, {
        activity: scope.activity,
        failures: scope.failures,
        deadlineMs,
        answered,
      }),
    );
  }
}

function describe(error: unknown): string {
  return error instanceof CrewError
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : 'unknown error';
}
