import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tenantId } from '@mcp-crew/core';
import { Redis } from 'ioredis';
import { FairScheduler, type TurnQueueKeys } from '../src/fair-scheduler.js';
import { deleteKeys, REDIS_URL } from './redis-helpers.js';

const A = tenantId('ruidosa');
const B = tenantId('tranquila');
const C = tenantId('nueva');

describe('FairScheduler on Redis', () => {
  let redis: Redis;
  const prefixes: string[] = [];
  const open = (resetAt?: number) => {
    const prefix = `test:${randomUUID()}`;
    prefixes.push(prefix);
    // The turn queue's keys: nothing stored under them, so the queue counts as empty.
    const queue = `${prefix}:bull:turns`;
    const keys: TurnQueueKeys = {
      active: `${queue}:active`,
      wait: `${queue}:wait`,
      delayed: `${queue}:delayed`,
      prioritized: `${queue}:prioritized`,
      paused: `${queue}:paused`,
    };
    return new FairScheduler(redis, prefix, keys, resetAt);
  };

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    for (const prefix of prefixes) await deleteKeys(prefix);
    await redis.quit();
  });

  it('tags a burst one round each, and a newcomer level with the next turn to start, not behind the burst', async () => {
    const scheduler = open();
    const burst = [];
    for (let i = 0; i < 5; i++) burst.push((await scheduler.reserve(A)).tag);
    expect(burst).toEqual([1, 2, 3, 4, 5]);
    expect((await scheduler.reserve(B)).tag).toBe(1);

    // A's first two turns start: the clock moves to 2; a newcomer is tagged 3, level with A's next.
    const first = await scheduler.acquire(A, 'job-a1', 1, 16, 5000);
    const second = await scheduler.acquire(A, 'job-a2', 2, 16, 5000);
    expect((await scheduler.reserve(C)).tag).toBe(3);
    await first?.release();
    await second?.release();
  });

  it('gives an unused tag back unless a later one was reserved', async () => {
    const scheduler = open();
    const { tag } = await scheduler.reserve(A);
    await scheduler.unreserve(A, tag);
    expect((await scheduler.reserve(A)).tag).toBe(tag);
    const later = await scheduler.reserve(A);
    await scheduler.unreserve(A, tag);
    expect((await scheduler.reserve(A)).tag).toBe(later.tag + 1);
  });

  it('holds a tenant at its cap on turns at once; a resumed turn finds its own lease; other tenants are not counted', async () => {
    const scheduler = open();
    const running = await scheduler.acquire(A, 'job-1', 1, 1, 5000);
    expect(running).toBeDefined();
    expect(await scheduler.acquire(A, 'job-2', 2, 1, 5000)).toBeUndefined();
    // The same job again (taken over after its worker died) is still the one turn running.
    const resumed = await scheduler.acquire(A, 'job-1', 1, 1, 5000);
    expect(resumed).toBeDefined();
    const other = await scheduler.acquire(B, 'job-3', 1, 1, 5000);
    expect(other).toBeDefined();
    await running?.release();
    await resumed?.release();
    const next = await scheduler.acquire(A, 'job-2', 2, 1, 5000);
    expect(next).toBeDefined();
    await next?.release();
    await other?.release();
  });

  it("does not count a dead worker's lease once it lapsed", async () => {
    const scheduler = open();
    // A lease that nobody renews (its worker died): 1 ms long.
    const dead = await scheduler.acquire(A, 'job-dead', 1, 1, 1);
    expect(dead).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const next = await scheduler.acquire(A, 'job-next', 2, 1, 5000);
    expect(next).toBeDefined();
    await next?.release();
    await dead?.release();
  });

  it('starts the tags again in a new epoch once the clock is past its limit and the turn queue is empty', async () => {
    const scheduler = open(3);
    for (let i = 0; i < 5; i++) await scheduler.reserve(A);
    const slot = await scheduler.acquire(A, 'job-5', 5, 16, 5000);
    await slot?.release();
    expect(await scheduler.epoch()).toBe(0);
    expect(await scheduler.reserve(B)).toEqual({ tag: 1, epoch: 1 });
    expect(await scheduler.reserve(A)).toEqual({ tag: 1, epoch: 1 });
  });
});
