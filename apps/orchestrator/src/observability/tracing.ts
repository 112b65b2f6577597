import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { MessageTrace } from '@mcp-crew/core';

/** The project's tracer. Until `startTracing` registers a provider it is OpenTelemetry's no-op: no cost. */
export const tracer = () => trace.getTracer('mcp-crew');

/** Runs `fn` in a new active span, ending it (with the error recorded) when `fn` settles. */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Record<string, string | number | boolean> },
  fn: (span: Span) => Promise<T>,
  parent?: Context,
): Promise<T> {
  const run = (span: Span) =>
    fn(span).then(
      (value) => {
        span.end();
        return value;
      },
      (error: unknown) => {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.name : 'error',
        });
        span.end();
        throw error;
      },
    );
  return parent
    ? tracer().startActiveSpan(name, options, parent, run)
    : tracer().startActiveSpan(name, options, run);
}

/** The current trace context as W3C headers, for a message that goes through the queue (the job's data). */
export function injectTrace(into: MessageTrace = {}): MessageTrace {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return {
    ...into,
    ...(carrier['traceparent'] ? { traceparent: carrier['traceparent'] } : {}),
    ...(carrier['tracestate'] ? { tracestate: carrier['tracestate'] } : {}),
  };
}

/** The context a queued message carried (the webhook's), so the turn's span continues that trace. */
export function extractTrace(from: MessageTrace | undefined): Context {
  if (!from?.traceparent) return context.active();
  return propagation.extract(context.active(), {
    traceparent: from.traceparent,
    ...(from.tracestate ? { tracestate: from.tracestate } : {}),
  });
}

/** Told after each call of a `traced` port: the method, how long it took and whether it succeeded (metrics). */
export type CallObserver = (method: string, seconds: number, ok: boolean) => void;

/**
 * Wraps every method of `target` in a span named `<prefix>.<method>` (client spans: Odoo, Chatwoot), and tells
 * `onCall` how each call went. A Proxy, so new methods of the port are covered without touching this file.
 */
export function traced<T extends object>(
  target: T,
  prefix: string,
  attributes: Record<string, string> = {},
  onCall?: CallObserver,
): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor')
        return value;
      const timed = onCall ? measured(() => property, onCall) : undefined;
      return (...args: unknown[]) => {
        const call = () => value.apply(object, args) as unknown;
        // Tracing off: no span (the no-op path costs one check).
        if (!tracing) return timed ? timed(call) : call();
        return inSpan(`${prefix}.${property}`, { kind: SpanKind.CLIENT, attributes }, async () =>
          timed ? timed(call) : call(),
        );
      };
    },
  });
}

/** Times a call that may return a promise, telling `onCall` once it settles. */
function measured(method: () => string, onCall: CallObserver) {
  return (call: () => unknown): unknown => {
    const started = performance.now();
    const done = (ok: boolean) => onCall(method(), (performance.now() - started) / 1000, ok);
    try {
      const result = call();
      if (result instanceof Promise)
        return result.then(
          (v: unknown) => (done(true), v),
          (e: unknown) => {
            done(false);
            throw e;
          },
        );
      done(true);
      return result;
    } catch (error) {
      done(false);
      throw error;
    }
  };
}

let tracing = false;
/** Set by startTracing: whether spans are recorded at all. */
export function isTracing(): boolean {
  return tracing;
}
export function markTracing(on: boolean): void {
  tracing = on;
}

export { SpanKind };
