import { randomUUID } from 'node:crypto';
import { CrewError, isCrewError, type TenantId } from '@mcp-crew/core';
import type { CopilotAnswer } from './copilot-schemas.js';

export type JobStatus = 'queued' | 'processing' | 'completed' | 'failed';

export interface CopilotJobView {
  tracking_id: string;
  status: JobStatus;
  output?: CopilotAnswer;
  error?: { code: string; message: string };
  created_at: string;
  finished_at?: string;
}

interface Job extends CopilotJobView {
  tenant: TenantId;
  done: Promise<void>;
}

/** How long a finished job's output can be fetched. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * Copilot requests as jobs: every request runs as one, the caller waits for it up to a time budget, and longer
 * work is fetched later by tracking id. Jobs belong to their tenant: another tenant's id finds nothing.
 * In-process (a job is polled on the replica that took it); a shared job store is a follow-up.
 */
export class CopilotJobs {
  readonly #jobs = new Map<string, Job>();

  /** Starts `work` now; queued → processing → completed / failed. */
  start(tenant: TenantId, work: () => Promise<CopilotAnswer>): CopilotJobView {
    this.#sweep();
    const job = {
      tracking_id: randomUUID(),
      tenant,
      status: 'queued',
      created_at: new Date().toISOString(),
    } as Job;
    job.done = Promise.resolve()
      .then(() => {
        job.status = 'processing';
        return work();
      })
      .then(
        (output) =>
          Object.assign(job, { status: 'completed', output, finished_at: new Date().toISOString() }),
        (error: unknown) => {
          const failure = isCrewError(error)
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL_ERROR', message: 'the request failed' };
          Object.assign(job, { status: 'failed', error: failure, finished_at: new Date().toISOString() });
        },
      )
      .then(() => undefined);
    this.#jobs.set(job.tracking_id, job);
    return view(job);
  }

  /** Waits up to `budgetMs` for the job; its view either way. */
  async wait(trackingId: string, budgetMs: number): Promise<CopilotJobView> {
    const job = this.#jobs.get(trackingId);
    if (!job) throw missing(trackingId);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)))]);
    clearTimeout(timer);
    return view(job);
  }

  get(tenant: TenantId, trackingId: string): CopilotJobView {
    const job = this.#jobs.get(trackingId);
    if (!job || job.tenant !== tenant) throw missing(trackingId);
    return view(job);
  }

  /** Resolves when every running job has finished (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.#jobs.values()].map((j) => j.done));
  }

  #sweep(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of this.#jobs)
      if (job.finished_at && Date.parse(job.finished_at) < cutoff) this.#jobs.delete(id);
  }
}

function view(job: Job): CopilotJobView {
  const { tenant: _tenant, done: _done, ...rest } = job;
  return { ...rest };
}

function missing(id: string): CrewError {
  return new CrewError('JOB_NOT_FOUND', `no copilot job "${id.slice(0, 64)}" for this tenant`, {
    domain: 'copilot',
    category: 'user',
  });
}
