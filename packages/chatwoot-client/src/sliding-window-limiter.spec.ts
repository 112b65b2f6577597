import { describe, expect, it } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';

// A fake clock: sleeping advances time, so waits are observable without real time passing.
function clock() {
  const state = { now: 1_000_000, slept: [] as number[] };
  return {
    state,
    now: () => state.now,
    sleep: async (ms: number) => {
      state.slept.push(ms);
      state.now += ms;
    },
  };
}

describe('SlidingWindowLimiter', () => {
  it('lets `limit` sends through at once, then waits until the oldest leaves the window', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({
      limit: 3,
      windowMs: 60_000,
      maxWaitMs: 60_000,
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 3; i++) await limiter.acquire('1:10');
    expect(c.state.slept).toEqual([]);
    c.state.now += 10_000;
    await limiter.acquire('1:10');
    expect(c.state.slept).toEqual([50_000]);
  });

  it('counts each conversation on its own', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({
      limit: 1,
      windowMs: 60_000,
      maxWaitMs: 0,
      now: c.now,
      sleep: c.sleep,
    });
    await limiter.acquire('1:10');
    await limiter.acquire('1:11');
    await expect(limiter.acquire('1:10')).rejects.toMatchObject({
      code: 'CHATWOOT_RATE_LIMITED',
      retryable: true,
    });
  });

  it('queues concurrent callers into successive slots', async () => {
    const c = clock();
    const waits: number[] = [];
    const limiter = new SlidingWindowLimiter({
      limit: 2,
      windowMs: 1000,
      maxWaitMs: 5000,
      now: c.now,
      sleep: async (ms) => void waits.push(ms),
    });
    await Promise.all([0, 1, 2, 3, 4].map(() => limiter.acquire('k')));
    // Clock frozen: two now, two a window later, one two windows later.
    expect(waits).toEqual([1000, 1000, 2000]);
  });

  it('fails fast when the wait would exceed the bound, without taking a slot', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({
      limit: 2,
      windowMs: 60_000,
      maxWaitMs: 5_000,
      now: c.now,
      sleep: c.sleep,
    });
    await limiter.acquire('k');
    await limiter.acquire('k');
    const error = await limiter.acquire('k').catch((e: unknown) => e);
    expect(isCrewError(error, 'CHATWOOT_RATE_LIMITED')).toBe(true);
    c.state.now += 60_000;
    await limiter.acquire('k');
    expect(c.state.slept).toEqual([]);
  });

  it('forgets conversations that went idle', async () => {
    const c = clock();
    const limiter = new SlidingWindowLimiter({
      limit: 5,
      windowMs: 1000,
      maxWaitMs: 0,
      now: c.now,
      sleep: c.sleep,
    });
    await limiter.acquire('a');
    await limiter.acquire('b');
    expect(limiter.activeKeys).toBe(2);
    c.state.now += 1001;
    await limiter.acquire('c');
    expect(limiter.activeKeys).toBe(1);
  });
});
