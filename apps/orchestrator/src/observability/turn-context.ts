import { createHash } from 'node:crypto';
import { turnKey, type Turn, type TurnAttempt, type TurnWorker } from '@mcp-crew/core';
import { withLogContext } from './log-context.js';

/**
 * The turn's id: derived from its key (tenant, conversation, message ids), so the same turn has the same id
 * in every process and on every attempt, with nothing extra stored in the queue.
 */
export function turnIdOf(turn: Turn): string {
  return createHash('sha256').update(turnKey(turn)).digest('hex').slice(0, 16);
}

/**
 * Runs each turn inside its log context: every line it writes (pipeline, agents, Odoo, Chatwoot) carries the
 * turn id, tenant, conversation and the request id of the webhook that brought its first message.
 */
export class ContextualTurnWorker implements TurnWorker {
  constructor(private readonly inner: TurnWorker) {}

  handle(turn: Turn, attempt: TurnAttempt): Promise<void> {
    return withLogContext(contextOf(turn), () => this.inner.handle(turn, attempt));
  }

  exhausted(turn: Turn, error: unknown): Promise<void> {
    return withLogContext(contextOf(turn), () => this.inner.exhausted(turn, error));
  }
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
