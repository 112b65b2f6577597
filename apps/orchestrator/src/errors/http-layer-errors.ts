import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { CrewError } from '@mcp-crew/core';

interface LayerError {
  code: string;
  message: string;
  path?: string;
}

/**
 * Errors the HTTP layer raises before any controller runs (Fastify's parsers and router, Node's HTTP
 * parser), with stable codes. Messages are fixed texts: Fastify's own would echo the request path.
 */
const BY_STATUS: Readonly<Record<number, LayerError>> = {
  400: { code: 'REQUEST_MALFORMED', message: 'the request could not be read' },
  404: { code: 'ROUTE_NOT_FOUND', message: 'no route answers this method and path' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'this route does not take this method' },
  408: { code: 'REQUEST_TIMEOUT', message: 'the request took too long to arrive' },
  413: {
    code: 'REQUEST_TOO_LARGE',
    message: 'the request body is larger than the 1 MiB limit',
    path: '(body)',
  },
  414: { code: 'REQUEST_URI_TOO_LONG', message: 'the request path is too long' },
  415: {
    code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
    message: 'expected a body with content-type application/json',
    path: 'headers.content-type',
  },
  431: { code: 'REQUEST_HEADERS_TOO_LARGE', message: 'the request headers are too large' },
};

const INVALID_JSON: LayerError = {
  code: 'REQUEST_INVALID_JSON',
  message: 'the body is not valid JSON',
  path: '(body)',
};

/** The CrewError for an error Fastify or Nest raised on its own, by status (and Fastify's code when it tells more). */
export function httpLayerError(status: number, fastifyCode?: string): CrewError {
  const known =
    fastifyCode?.startsWith('FST_ERR_CTP_INVALID_JSON') || fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY'
      ? INVALID_JSON
      : BY_STATUS[status];
  const { code, message, path } = known ?? {
    code: status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REJECTED',
    message: status >= 500 ? 'internal error' : 'the request was rejected',
  };
  return new CrewError(code, message, {
    domain: 'http',
    category: status >= 500 ? 'system' : 'user',
    ...(path ? { path } : {}),
  });
}

/** The JSON body of an HTTP answer: `{ error: { code, message, path?, domain, category, details } }`. */
export function errorBody(error: CrewError): string {
  return JSON.stringify({ error: error.toJSON() });
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses some requests (headers or URL over the
 * header limit, garbage) before Fastify sees them, so the answer is written on the socket here.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? 431
      : error.code === 'HPE_URI_TOO_LONG' || error.code === 'HPE_URI_OVERFLOW'
        ? 414
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
  const body = errorBody(httpLayerError(status));
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Fastify's `frameworkErrors`: a bad URL encoding (400) or a path parameter over its length limit (414). */
export function frameworkErrors(
  error: Error & { code?: string },
  _request: unknown,
  reply: FastifyReply,
): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(errorBody(httpLayerError(status, error.code)));
}
