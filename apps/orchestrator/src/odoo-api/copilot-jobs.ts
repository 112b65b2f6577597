import { randomUUID } from 'node:crypto';
import {
  COPILOT_JOB_KEEP_MS,
  CrewError,
  isCrewError,
  type CopilotJobRecord,
  type CopilotJobStatus,
  type CopilotJobStore,
  type TenantId,
} from '@mcp-crew/core';
import type { CopilotAnswer } from './copilot-schemas.js';

export type JobStatus = CopilotJobStatus;

export interface CopilotJobView {
  tracking_id: string;
  status: JobStatus;
  output?: CopilotAnswer;
  error?: { code: string; message: string };
  created_at: string;
  finished_at?: string;
}

export interface CopilotJobsOptions {
  /** Where jobs live: Redis when configured (any replica answers), else this process's memory. */
  store: CopilotJobStore;
  /** How long a running job is vouched for without a renewal (renewed every third of it). Default 30 s. */
  leaseMs?: number;
  /** Failed writes of a job's progress (the request itself still answers from this process). */
  onStoreError?: (error: unknown) => void;
  now?: () => number;
}

interface Running {
  record: CopilotJobRecord;
  done: Promise<void>;
}

/**
 * Copilot requests as jobs: every request runs as one, the caller waits for it up to a time budget, and longer
 * work is fetched later by tracking id, from any replica (the job store). Jobs belong to their tenant: another
 * tenant's id finds nothing. The accepting process runs the work and renews the job's lease while it does; a
 * job whose lease lapsed (that process died) reads as failed. It is not re-run elsewhere: the request may have
 * written to Odoo already, and the user asks again knowing that, rather than a write happening twice.
 */
export class CopilotJobs {
  readonly #store: CopilotJobStore;
  readonly #leaseMs: number;
  readonly #onStoreError: (error: unknown) => void;
  readonly #now: () => number;
  /** The jobs this process runs, for `wait` (no store round trips while the caller waits). */
  readonly #running = new Map<string, Running>();

  constructor(options: CopilotJobsOptions) {
    this.#store = options.store;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#onStoreError = options.onStoreError ?? (() => undefined);
    this.#now = options.now ?? Date.now;
  }

  /**
   * Records the job (queued) where every replica sees it, then starts `work` here:
   * queued → processing → completed / failed. Throws when the store cannot take the job: nothing was accepted.
   */
  async start(
    tenant: TenantId,
    work: (trackingId: string) => Promise<CopilotAnswer>,
  ): Promise<CopilotJobView> {
    const record: CopilotJobRecord = {
      tracking_id: randomUUID(),
      status: 'queued',
      created_at: new Date(this.#now()).toISOString(),
      lease_until: this.#now() + this.#leaseMs,
    };
    await this.#store.put(tenant, record, COPILOT_JOB_KEEP_MS);
    const running: Running = { record, done: Promise.resolve() };
    running.done = this.#run(tenant, running, work).finally(() => this.#running.delete(record.tracking_id));
    this.#running.set(record.tracking_id, running);
    return view(record);
  }

  /** Waits up to `budgetMs` for a job this process runs; its view either way (from the store if not ours). */
  async wait(tenant: TenantId, trackingId: string, budgetMs: number): Promise<CopilotJobView> {
    const running = this.#running.get(trackingId);
    if (!running) return this.get(tenant, trackingId);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      running.done,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs))),
    ]);
    clearTimeout(timer);
    return view(running.record);
  }

  /** The job as every replica sees it; one whose process died (lapsed lease) reads as failed. */
  async get(tenant: TenantId, trackingId: string): Promise<CopilotJobView> {
    // Tracking ids are UUIDs: a longer one from the URL is no job, and never becomes a store key.
    if (trackingId.length > 64) throw missing(trackingId);
    const record = await this.#store.get(tenant, trackingId);
    if (!record) throw missing(trackingId);
    const unfinished = record.status === 'queued' || record.status === 'processing';
    if (unfinished && (record.lease_until ?? 0) < this.#now()) {
      return view({
        ...record,
        status: 'failed',
        error: {
          code: 'COPILOT_JOB_LOST',
          message: 'the process running this request stopped before it finished; check Odoo and ask again',
        },
        finished_at: new Date(record.lease_until ?? this.#now()).toISOString(),
      });
    }
    return view(record);
  }

  /** Resolves when every job this process runs has finished (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all([...this.#running.values()].map((j) => j.done));
  }

  async #run(
    tenant: TenantId,
    running: Running,
    work: (trackingId: string) => Promise<CopilotAnswer>,
  ): Promise<void> {
    // Writes of one job go out in order, so a lease renewal never lands after the final status.
    let writes = Promise.resolve();
    const save = (record: CopilotJobRecord) => {
      running.record = record;
      writes = writes
        .then(() => this.#store.put(tenant, record, COPILOT_JOB_KEEP_MS))
        .catch(this.#onStoreError);
    };
    const renewal = setInterval(
      () => save({ ...running.record, lease_until: this.#now() + this.#leaseMs }),
      Math.max(1, Math.floor(this.#leaseMs / 3)),
    );
    renewal.unref();
    try {
      await Promise.resolve();
      save({ ...running.record, status: 'processing', lease_until: this.#now() + this.#leaseMs });
      const output = await work(running.record.tracking_id);
      clearInterval(renewal);
      save(finished(running.record, { status: 'completed', output }, this.#now()));
    } catch (error) {
      clearInterval(renewal);
      const failure = isCrewError(error)
        ? { code: error.code, message: error.message }
        : { code: 'INTERNAL_ERROR', message: 'the request failed' };
      save(finished(running.record, { status: 'failed', error: failure }, this.#now()));
    }
    await writes;
  }
}

function finished(
  record: CopilotJobRecord,
  outcome: Pick<CopilotJobRecord, 'status' | 'output' | 'error'>,
  now: number,
): CopilotJobRecord {
  const { lease_until: _lease, ...rest } = record;
  return { ...rest, ...outcome, finished_at: new Date(now).toISOString() };
}

function view(record: CopilotJobRecord): CopilotJobView {
  const { lease_until: _lease, output, ...rest } = record;
  return { ...rest, ...(output === undefined ? {} : { output: output as CopilotAnswer }) };
}

function missing(id: string): CrewError {
  return new CrewError('JOB_NOT_FOUND', `no copilot job "${id.slice(0, 64)}" for this tenant`, {
    domain: 'copilot',
    category: 'user',
  });
}
