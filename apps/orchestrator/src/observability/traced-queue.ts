import type { InboundMessage, InboundQueue } from '@mcp-crew/core';
import { injectTrace, isTracing, SpanKind, inSpan } from './tracing.js';

/**
 * The queue as the webhook sees it: each enqueue is a `queue.enqueue` span, and the message carries that
 * span's context (W3C traceparent in its `trace`), so the worker's turn continues the webhook's trace.
 */
export function traceQueue(queue: InboundQueue): InboundQueue {
  return new Proxy(queue, {
    get(target, property, receiver) {
      if (property !== 'enqueue') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (message: InboundMessage) => {
        if (!isTracing()) return target.enqueue(message);
        const attributes = { tenant: message.tenantId, conversation: message.conversationId };
        return inSpan('queue.enqueue', { kind: SpanKind.PRODUCER, attributes }, async () =>
          target.enqueue({ ...message, trace: injectTrace(message.trace) }),
        );
      };
    },
  });
}
