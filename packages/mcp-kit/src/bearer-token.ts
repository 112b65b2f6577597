import { createHash, timingSafeEqual } from 'node:crypto';
import type { Secret } from '@mcp-crew/core';

/**
 * Compares a presented bearer token with the expected one in constant time. Both are hashed first so that
 * `timingSafeEqual` gets equal lengths and the comparison does not reveal the expected token's length.
 */
export function tokenMatches(presented: string | undefined, expected: Secret): boolean {
  if (!presented) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected.reveal()).digest();
  return timingSafeEqual(a, b);
}

/** An `authenticate` for `serveHttp` that accepts one static token and hands every caller `context`. */
export function staticBearerToken<C>(
  expected: Secret,
  context: C,
): (token: string | undefined) => C | undefined {
  return (token) => (tokenMatches(token, expected) ? context : undefined);
}

/** The token of an `Authorization: Bearer <token>` header, if that is what it holds. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
