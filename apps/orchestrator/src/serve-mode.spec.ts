import { describe, expect, it } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import { assertServeMode } from './serve-mode.js';

function failure(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('assertServeMode', () => {
  it('lets one process serve and consume on the in-process queue', () => {
    expect(() => assertServeMode({ http: true, worker: true }, {})).not.toThrow();
  });

  it('lets HTTP-only and worker-only processes start on a shared queue', () => {
    expect(() =>
      assertServeMode({ http: true, worker: false }, { REDIS_URL: 'redis://127.0.0.1:6379' }),
    ).not.toThrow();
    expect(() =>
      assertServeMode({ http: false, worker: true }, { REDIS_URL: 'redis://127.0.0.1:6379' }),
    ).not.toThrow();
    expect(() =>
      assertServeMode({ http: false, worker: true }, { REDIS_CLUSTER_NODES: 'redis://127.0.0.1:7000' }),
    ).not.toThrow();
  });

  it.each([
    [{ http: true, worker: false }, '--no-worker'],
    [{ http: false, worker: true }, '--worker-only'],
  ])('refuses %o without REDIS_URL, naming the variable and the flag', (mode, flag) => {
    const error = failure(() => assertServeMode(mode, {}));
    expect(isCrewError(error, 'QUEUE_NOT_SHARED')).toBe(true);
    expect((error as Error).message).toContain('REDIS_URL');
    expect((error as Error).message).toContain(flag);
    expect((error as { details: unknown }).details).toEqual({ variable: 'REDIS_URL', flag });
  });
});
