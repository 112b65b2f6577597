import { AsyncLocalStorage } from 'node:async_hooks';
import { CrewError, isCrewError } from '@mcp-crew/core';

/**
 * What belongs to the turn being run, visible to every call it makes (Odoo, the model, Chatwoot) without
 * threading it through each signature: the deadline, the abort signal that fires at it, the keys of its
 * effects, and a short account of what it did (for the hand-over note when the deadline passes).
 */
export interface TurnScope {
  tenantId: string;
  /** The turn's stable key (`turnKey()`); effects are recorded under keys derived from it. */
  turnKey: string;
  /** Epoch ms when the customer must have an answer. */
  deadlineAt: number;
  /** Aborted when the deadline passes or the worker stops. */
  signal: AbortSignal;
  /** What the turn started, in order ("Odoo sale.order create"), bounded. */
  readonly activity: string[];
  /** What failed, in order ("Odoo sale.order create: timed out after 5000 ms"), bounded. */
  readonly failures: string[];
  /** Effects per kind so far (tool name → count), for step keys. */
  readonly steps: Map<string, number>;
  /** Outside services that failed during the turn (not the caller's own mistakes): `odoo`, `model`. */
  readonly failedDependencies: Set<string>;
}

const STORAGE = new AsyncLocalStorage<TurnScope>();
const LOG_LIMIT = 20;

export function newTurnScope(
  fields: Pick<TurnScope, 'tenantId' | 'turnKey' | 'deadlineAt' | 'signal'>,
): TurnScope {
  return { ...fields, activity: [], failures: [], steps: new Map(), failedDependencies: new Set() };
}

/** Runs `fn` (and everything it starts) inside the turn's scope. */
export function runInTurnScope<T>(scope: TurnScope, fn: () => Promise<T>): Promise<T> {
  return STORAGE.run(scope, fn);
}

/** The scope of the turn the caller runs in; undefined outside a turn (the copilot, `crew chat`, tests). */
export function currentTurnScope(): TurnScope | undefined {
  return STORAGE.getStore();
}

export function noteActivity(label: string): void {
  push(currentTurnScope()?.activity, label);
}

export function noteFailure(label: string): void {
  push(currentTurnScope()?.failures, label);
}

/** An outside service failed for this turn (also when the turn awaited a call another turn started). */
export function noteDependencyFailure(dependency: string, label: string): void {
  const scope = currentTurnScope();
  if (!scope) return;
  if (!scope.failures.includes(label)) push(scope.failures, label);
  scope.failedDependencies.add(dependency);
}

/**
 * The idempotency key of the next effect of this kind in the current turn: `{turnKey}:{kind}:{n}`. A retried
 * turn makes its effects in the same order, so the n-th quotation of a retry finds the n-th of the first try.
 */
export function nextEffectKey(kind: string): string | undefined {
  const scope = currentTurnScope();
  if (!scope) return undefined;
  const n = (scope.steps.get(kind) ?? 0) + 1;
  scope.steps.set(kind, n);
  return `${scope.turnKey}:${kind}:${n}`;
}

/**
 * The time one outside call may take: its own timeout, cut to what is left of the turn less `reserveMs`.
 * Throws `TURN_DEADLINE_EXCEEDED` when nothing is left, so no call (and no retry) outlives the turn, and
 * `TURN_TIME_RESERVED` when only the reserve is left.
 */
export function callBudgetMs(callTimeoutMs: number, now = Date.now(), reserveMs = 0): number {
  const scope = currentTurnScope();
  if (!scope) return callTimeoutMs;
  const left = scope.deadlineAt - now;
  if (left <= 0 || scope.signal.aborted) throw deadlineExceeded();
  // What a fallback needs to answer in is kept back from this call (a hosted model's offline engine).
  if (left <= reserveMs) throw reservedForFallback(reserveMs);
  return Math.min(callTimeoutMs, left - reserveMs);
}

function reservedForFallback(reserveMs: number): CrewError {
  return new CrewError('TURN_TIME_RESERVED', `the turn's last ${reserveMs} ms are kept for the fallback`, {
    domain: 'turn',
    category: 'system',
  });
}

/** Whether the current turn was stopped by its deadline (its signal aborted with `deadlineExceeded()`), not by its worker stopping. */
export function turnTimedOut(scope = currentTurnScope()): boolean {
  return Boolean(scope?.signal.aborted) && isCrewError(scope?.signal.reason, 'TURN_DEADLINE_EXCEEDED');
}

export function deadlineExceeded(): CrewError {
  return new CrewError('TURN_DEADLINE_EXCEEDED', 'the turn ran out of time', {
    domain: 'turn',
    category: 'system',
  });
}

function push(list: string[] | undefined, label: string): void {
  if (!list) return;
  list.push(label);
  if (list.length > LOG_LIMIT) list.shift();
}
