import { CrewError, tenantId } from '@mcp-crew/core';
import { MemoryCopilotJobStore } from '@mcp-crew/state-memory';
import { CopilotJobs } from './copilot-jobs.js';
import type { CopilotAnswer } from './copilot-schemas.js';

const demo = tenantId('demo');
const answer: CopilotAnswer = { reply: 'Cotización S00042 creada', records: [], session_id: 's-1' };

/** A piece of work the test finishes (or fails) when it wants. */
function gate() {
  let finish!: (value: CopilotAnswer) => void;
  let fail!: (error: unknown) => void;
  const done = new Promise<CopilotAnswer>((resolve, reject) => ((finish = resolve), (fail = reject)));
  return { work: () => done, finish, fail };
}

describe('CopilotJobs', () => {
  it('goes queued → processing → completed, and another instance on the same store reads each step', async () => {
    const store = new MemoryCopilotJobStore();
    const accepting = new CopilotJobs({ store });
    const other = new CopilotJobs({ store });
    const work = gate();
    const job = await accepting.start(demo, work.work);
    expect(job.status).toBe('queued');
    await new Promise((resolve) => setImmediate(resolve));
    expect((await other.get(demo, job.tracking_id)).status).toBe('processing');
    work.finish(answer);
    await accepting.drain();
    const read = await other.get(demo, job.tracking_id);
    expect(read).toMatchObject({ status: 'completed', output: answer, tracking_id: job.tracking_id });
    expect(read.finished_at).toBeDefined();
    expect(read).not.toHaveProperty('lease_until');
  });

  it('answers inline when the work ends within the budget, and the status so far when it does not', async () => {
    const jobs = new CopilotJobs({ store: new MemoryCopilotJobStore() });
    const quick = await jobs.start(demo, async () => answer);
    expect(await jobs.wait(demo, quick.tracking_id, 1000)).toMatchObject({
      status: 'completed',
      output: answer,
    });
    const slow = gate();
    const pending = await jobs.start(demo, slow.work);
    expect((await jobs.wait(demo, pending.tracking_id, 20)).status).toBe('processing');
    slow.finish(answer);
    await jobs.drain();
  });

  it('records a failure with its code, and hides what an unexpected error says', async () => {
    const store = new MemoryCopilotJobStore();
    const jobs = new CopilotJobs({ store });
    const known = await jobs.start(demo, async () => {
      throw new CrewError('COPILOT_UNAVAILABLE', 'no crew is loaded', {
        domain: 'copilot',
        category: 'system',
      });
    });
    const unknown = await jobs.start(demo, async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:8069 password=hunter2');
    });
    await jobs.drain();
    expect((await jobs.get(demo, known.tracking_id)).error).toEqual({
      code: 'COPILOT_UNAVAILABLE',
      message: 'no crew is loaded',
    });
    expect((await jobs.get(demo, unknown.tracking_id)).error).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'the request failed',
    });
  });

  it("finds nothing for another tenant's tracking id", async () => {
    const jobs = new CopilotJobs({ store: new MemoryCopilotJobStore() });
    const job = await jobs.start(demo, async () => answer);
    await jobs.drain();
    await expect(jobs.get(tenantId('otra'), job.tracking_id)).rejects.toMatchObject({
      code: 'JOB_NOT_FOUND',
    });
    await expect(jobs.get(demo, 'x'.repeat(5000))).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
    await expect(jobs.wait(tenantId('otra'), job.tracking_id, 10)).rejects.toMatchObject({
      code: 'JOB_NOT_FOUND',
    });
  });

  it('reads a job whose process stopped renewing its lease as failed, and one still renewed as processing', async () => {
    const store = new MemoryCopilotJobStore();
    let now = Date.parse('2026-11-30T15:00:00Z');
    const clock = () => now;
    const running = gate();
    const alive = new CopilotJobs({ store, leaseMs: 30_000, now: clock });
    const job = await alive.start(demo, running.work);
    await new Promise((resolve) => setImmediate(resolve));
    const reader = new CopilotJobs({ store, now: clock });
    now += 29_000;
    expect((await reader.get(demo, job.tracking_id)).status).toBe('processing');
    // The accepting process died: nobody renews the lease any more (its timer is not run on this fake clock).
    now += 2_000;
    expect(await reader.get(demo, job.tracking_id)).toMatchObject({
      status: 'failed',
      error: { code: 'COPILOT_JOB_LOST' },
      finished_at: '2026-11-30T15:00:30.000Z',
    });
    running.finish(answer);
    await alive.drain();
  });

  it('renews the lease while the work runs, and never lets a renewal overwrite the final status', async () => {
    const store = new MemoryCopilotJobStore();
    const jobs = new CopilotJobs({ store, leaseMs: 30 });
    const slow = gate();
    const job = await jobs.start(demo, slow.work);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await jobs.get(demo, job.tracking_id)).status).toBe('processing');
    slow.finish(answer);
    await jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await jobs.get(demo, job.tracking_id)).status).toBe('completed');
  });

  it('accepts nothing when the store cannot take the job', async () => {
    const jobs = new CopilotJobs({
      store: {
        put: async () => {
          throw new CrewError('COPILOT_JOBS_UNAVAILABLE', 'redis unavailable', {
            domain: 'copilot',
            category: 'system',
          });
        },
        get: async () => undefined,
      },
    });
    let ran = false;
    await expect(
      jobs.start(demo, async () => {
        ran = true;
        return answer;
      }),
    ).rejects.toMatchObject({ code: 'COPILOT_JOBS_UNAVAILABLE' });
    expect(ran).toBe(false);
  });
});
