import { describe, expect, it } from '@jest/globals';
import { Cluster } from 'ioredis';
import { closeWorker, InFlight, settlesWithin } from './worker-close.js';

const quiet = { warn: () => undefined, error: () => undefined };

/** A worker whose close resolves only when `finish` is called, like BullMQ's waiting for an `end` event. */
function hangingWorker(blocking?: unknown) {
  let finish: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (finish = resolve));
  return {
    worker: {
      name: 'turns',
      close: () => closed,
      getBackend: () => ({ blockingClient: Promise.resolve(blocking) }),
    },
    finish: () => finish(),
  };
}

describe('InFlight', () => {
  it('counts running calls and resolves idle() when the last one ends', async () => {
    const inFlight = new InFlight();
    let release: () => void = () => undefined;
    const job = inFlight.track(() => new Promise<string>((resolve) => (release = () => resolve('done'))));
    const running = job('a');
    expect(inFlight.running).toBe(1);
    let idle = false;
    const waiting = inFlight.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    release();
    await expect(running).resolves.toBe('done');
    await waiting;
    expect(inFlight.running).toBe(0);
  });

  it("keeps BullMQ's three parameters, so BullMQ still passes the processor its abort signal", async () => {
    const inFlight = new InFlight();
    const seen: unknown[] = [];
    const tracked = inFlight.track(async (job: string, token?: string, signal?: AbortSignal) => {
      seen.push(job, token, signal);
    });
    expect(tracked.length).toBeGreaterThanOrEqual(3); // BullMQ: processorAcceptsSignal = processor.length >= 3
    const signal = new AbortController().signal;
    await tracked('job', 'token', signal);
    expect(seen).toEqual(['job', 'token', signal]);
  });

  it('counts a failing call out too', async () => {
    const inFlight = new InFlight();
    await expect(inFlight.track(async () => Promise.reject(new Error('boom')))('a')).rejects.toThrow('boom');
    expect(inFlight.running).toBe(0);
  });
});

describe('closeWorker', () => {
  it('returns as soon as BullMQ closes the worker', async () => {
    const { worker, finish } = hangingWorker();
    finish();
    await expect(closeWorker(worker, new InFlight(), quiet, 60_000)).resolves.toBeUndefined();
  });

  it('waits for the jobs still running before giving up on a close', async () => {
    const { worker } = hangingWorker();
    const inFlight = new InFlight();
    let release: () => void = () => undefined;
    const job = inFlight.track(() => new Promise<void>((resolve) => (release = resolve)))('a');
    let returned = false;
    const closing = closeWorker(worker, inFlight, quiet, 10).then(() => (returned = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(returned).toBe(false); // a job is running: the close is not abandoned
    release();
    await job;
    await closing;
    expect(returned).toBe(true);
  });

  it('stops waiting on a close stuck after its jobs ended, disconnecting a blocking cluster client', async () => {
    const cluster = new Cluster([{ host: '127.0.0.1', port: 1 }], { lazyConnect: true });
    const { worker } = hangingWorker(cluster);
    const warnings: string[] = [];
    const logger = { warn: (_: object, message: string) => warnings.push(message), error: () => undefined };
    await closeWorker(worker, new InFlight(), logger, 10);
    expect(warnings).toEqual([
      'worker close still waiting on its blocking connection after its jobs ended: not waiting longer',
    ]);
    expect(['end', 'close', 'disconnecting']).toContain(cluster.status);
  });
});

describe('settlesWithin', () => {
  it('tells a settled promise (even a rejected one) from one still pending', async () => {
    await expect(settlesWithin(Promise.resolve(), 1000)).resolves.toBe(true);
    await expect(settlesWithin(Promise.reject(new Error('x')), 1000)).resolves.toBe(true);
    await expect(settlesWithin(new Promise(() => undefined), 10)).resolves.toBe(false);
  });
});
