import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { withLogContext } from './log-context.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Probes are polled every few seconds: their lines go to debug so they do not drown the rest. */
const QUIET = /^\/(health|metrics)(\/|$)/;
const WEBHOOK = /^\/webhooks\/chatwoot\/([^/?]+)/;

/** The request id: the caller's `X-Request-Id` when it is a sane token, else a new UUID. */
export function requestIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const rejections = new WeakMap<object, string>();

/**
 * Notes why a webhook was refused (the 401 body is the same for every reason, on purpose), for its log line.
 * `request` is the raw request object both Nest and Fastify's hooks see.
 */
export function noteRejectionReason(request: object, reason: string): void {
  rejections.set(request, reason);
}

interface Outcome {
  outcome?: string;
  reason?: string;
  code?: string;
}

/**
 * One log line per HTTP request, with its request id (returned as `X-Request-Id`), status and duration; a
 * webhook's line carries its tenant and outcome (queued, duplicate, ignored with the reason, or the rejection
 * code: 401, 400, 404 ...). Every log line written while the request runs carries the request id.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  const outcomes = new WeakMap<FastifyRequest, Outcome>();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    withLogContext({ requestId: request.id }, done);
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload === 'string' && (reply.statusCode >= 400 || WEBHOOK.test(request.url)))
      outcomes.set(request, outcomeOf(payload));
    return payload;
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const path = request.url.split('?')[0] ?? request.url;
    const tenant = WEBHOOK.exec(path)?.[1];
    const line = {
      requestId: request.id,
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ...(tenant ? { tenant } : {}),
      ...outcomes.get(request),
      ...(rejections.has(request.raw) ? { reason: rejections.get(request.raw) } : {}),
    };
    if (tenant) logger.info(line, `webhook ${line.outcome ?? line.code ?? reply.statusCode}`);
    else if (reply.statusCode >= 500) logger.error(line, 'request failed');
    else if (QUIET.test(path) && reply.statusCode < 400) logger.debug(line, 'request');
    else logger.info(line, 'request');
    done();
  });
}

/** The outcome from the answer itself: `{status, reason}` for an accepted webhook, `{error: {code}}` otherwise. */
function outcomeOf(payload: string): Outcome {
  try {
    const body = JSON.parse(payload) as {
      status?: unknown;
      reason?: unknown;
      error?: { code?: unknown; details?: { reason?: unknown } };
    };
    if (body.error && typeof body.error.code === 'string') {
      const reason = body.error.details?.reason;
      return {
        outcome: 'rejected',
        code: body.error.code,
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    }
    return {
      ...(typeof body.status === 'string' ? { outcome: body.status } : {}),
      ...(typeof body.reason === 'string' ? { reason: body.reason } : {}),
    };
  } catch {
    return {};
  }
}
