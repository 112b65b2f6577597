import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of one HTTP request or one turn carries (pino's mixin reads it). */
export interface LogContext {
  requestId?: string;
  turnId?: string;
  tenant?: string;
  conversation?: number;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` added to the current one: every log line inside carries its fields. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

/** The fields of the current request or turn; empty outside of one. */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
