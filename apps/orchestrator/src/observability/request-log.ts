import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { withLogContext } from './log-context.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Probes are polled every few seconds: their lines go to debug so they do not drown the rest. */
const QUIET = /^\/(health|metrics)(\/|\?|$)/;
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

/** What an accepted webhook answered: `queued`, `duplicate`, or `ignored` with the reason. */
export interface WebhookAnswer {
  status: string;
  reason?: string;
}

/** The request field the webhook handler fills (declared on every request by `registerRequestLogging`). */
const ANSWER = 'crewWebhookAnswer';
type WithAnswer = { [ANSWER]?: WebhookAnswer | null };

/**
 * Notes an accepted webhook's answer for its log line, so the reply is not parsed back on the hot path. A
 * field declared once on Fastify's request (same shape for every request, no WeakMap entry per request).
 */
export function noteWebhookOutcome(request: FastifyRequest, answer: WebhookAnswer): void {
  (request as WithAnswer)[ANSWER] = answer;
}

export function registerRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  const outcomes = new WeakMap<FastifyRequest, Outcome>();
  fastify.decorateRequest(ANSWER, null);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    withLogContext({ requestId: request.id }, done);
  });
  // Only error answers are read back (their code); an accepted webhook's outcome was noted by its handler.
  // Callback-style hooks: no promise per request.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') outcomes.set(request, outcomeOf(payload));
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = lineLevel(request.url, reply.statusCode);
    // Nothing is built for a line the logger would drop (e.g. LOG_LEVEL=warn under load).
    if (!logger.isLevelEnabled(level)) return done();
    const path = request.url.split('?')[0] ?? request.url;
    const tenant = WEBHOOK.exec(path)?.[1];
    const line = {
      requestId: request.id,
      method: request.method,
      path,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ...(tenant ? { tenant } : {}),
      ...(outcomes.get(request) ?? answerOutcome((request as WithAnswer)[ANSWER])),
      ...(rejections.has(request.raw) ? { reason: rejections.get(request.raw) } : {}),
    };
    if (tenant) logger.info(line, `webhook ${line.outcome ?? line.code ?? reply.statusCode}`);
    else if (level === 'error') logger.error(line, 'request failed');
    else logger[level](line, 'request');
    done();
  });
}

/** The level of a request's line: webhooks info, failures error, passing probes debug, the rest info. */
function lineLevel(url: string, status: number): 'error' | 'info' | 'debug' {
  if (WEBHOOK.test(url)) return 'info';
  if (status >= 500) return 'error';
  return QUIET.test(url) && status < 400 ? 'debug' : 'info';
}

function answerOutcome(answer: WebhookAnswer | null | undefined): Outcome {
  if (!answer) return {};
  return answer.reason === undefined
    ? { outcome: answer.status }
    : { outcome: answer.status, reason: answer.reason };
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
