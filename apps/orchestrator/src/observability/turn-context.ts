import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { turnKey, type Turn, type TurnAttempt, type TurnWorker } from '@mcp-crew/core';
import { withLogContext } from './log-context.js';
import { extractTrace, inSpan, isTracing, SpanKind } from './tracing.js';

/**
 * The turn's id: derived from its key (tenant, conversation, message ids), so the same turn has the same id
 * in every process and on every attempt, with nothing extra stored in the queue.
 */
export function turnIdOf(turn: Turn): string {
  return createHash('sha256').update(turnKey(turn)).digest('hex').slice(0, 16);
}

/**
 * Runs each turn inside its log context: every line it writes (pipeline, agents, Odoo, Chatwoot) carries the
 * turn id, tenant, conversation and the request id of the webhook that brought its first message. With
 * tracing on, the turn is a `turn` span continuing the trace its first message carried through the queue.
 */
export class ContextualTurnWorker implements TurnWorker {
  constructor(
    private readonly inner: TurnWorker,
    private readonly observe?: TurnObserver,
  ) {}

  handle(turn: Turn, attempt: TurnAttempt): Promise<void> {
    const started = performance.now();
    const clock: TurnClock = {
      tenant: turn.tenantId,
      receivedAt: Math.min(...turn.messages.map((m) => m.receivedAt)),
      replied: false,
      observe: this.observe,
    };
    // Retries and resumed turns waited for their backoff or a recovery, not for a worker slot.
    if (attempt.attempt === 1 && !attempt.resumed)
      this.observe?.queueWait?.(turn.tenantId, Math.max(0, Date.now() - clock.receivedAt) / 1000);
    return clocks.run(clock, () =>
      this.run(turn, attempt).then(
        () => this.observe?.turnDuration(turn.tenantId, (performance.now() - started) / 1000, true),
        (error: unknown) => {
          this.observe?.turnDuration(turn.tenantId, (performance.now() - started) / 1000, false);
          throw error;
        },
      ),
    );
  }

  private run(turn: Turn, attempt: TurnAttempt): Promise<void> {
    const context = contextOf(turn);
    if (!isTracing()) return withLogContext(context, () => this.inner.handle(turn, attempt));
    const attributes = {
      tenant: context.tenant,
      conversation: context.conversation,
      'turn.id': context.turnId,
      'turn.attempt': attempt.attempt,
    };
    return withLogContext(context, () =>
      inSpan(
        'turn',
        { kind: SpanKind.CONSUMER, attributes },
        () => this.inner.handle(turn, attempt),
        extractTrace(turn.messages[0]?.trace),
      ),
    );
  }

  exhausted(turn: Turn, error: unknown): Promise<void> {
    return withLogContext(contextOf(turn), () => this.inner.exhausted(turn, error));
  }
}

/** Where turn durations and first replies are reported (the metrics). */
export interface TurnObserver {
  turnDuration(tenant: string, seconds: number, ok: boolean): void;
  firstReply(tenant: string, seconds: number): void;
  /** From the first message's acceptance to the start of the turn's first attempt (the tenant's queue wait). */
  queueWait?(tenant: string, seconds: number): void;
}

interface TurnClock {
  tenant: string;
  receivedAt: number;
  replied: boolean;
  observe?: TurnObserver;
}

const clocks = new AsyncLocalStorage<TurnClock>();

/** Called when a reply reached Chatwoot: the turn's first one reports the time since its first message arrived. */
export function markReplySent(): void {
  const clock = clocks.getStore();
  if (!clock || clock.replied) return;
  clock.replied = true;
  clock.observe?.firstReply(clock.tenant, Math.max(0, Date.now() - clock.receivedAt) / 1000);
}

function contextOf(turn: Turn) {
  const requestId = turn.messages[0]?.trace?.requestId;
  return {
    turnId: turnIdOf(turn),
    tenant: turn.tenantId,
    conversation: turn.conversationId,
    ...(requestId ? { requestId } : {}),
  };
}
