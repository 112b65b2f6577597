import { describe, expect, it } from '@jest/globals';
import { Secret } from '@mcp-crew/core';
import { bearerTokenOf, staticBearerToken, tokenMatches } from './bearer-token.js';

describe('bearer tokens', () => {
  const expected = new Secret('abc123');

  it('matches only the exact token', () => {
    expect(tokenMatches('abc123', expected)).toBe(true);
    expect(tokenMatches('abc124', expected)).toBe(false);
    expect(tokenMatches('abc1234', expected)).toBe(false);
    expect(tokenMatches('', expected)).toBe(false);
    expect(tokenMatches(undefined, expected)).toBe(false);
  });

  it('reads the token of a Bearer header only', () => {
    expect(bearerTokenOf('Bearer abc123')).toBe('abc123');
    expect(bearerTokenOf('bearer abc123 ')).toBe('abc123');
    expect(bearerTokenOf('Basic abc123')).toBeUndefined();
    expect(bearerTokenOf('Bearer a b')).toBeUndefined();
    expect(bearerTokenOf(undefined)).toBeUndefined();
  });

  it('hands the context to a caller with the token', () => {
    const authenticate = staticBearerToken(expected, { tenant: 'demo' });
    expect(authenticate('abc123')).toEqual({ tenant: 'demo' });
    expect(authenticate('x')).toBeUndefined();
  });
});
