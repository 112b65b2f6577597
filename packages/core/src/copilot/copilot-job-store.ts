import type { TenantId } from '../tenant/tenant.js';

export type CopilotJobStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** One copilot request as a job, as any replica reads it (JSON-serialisable). */
export interface CopilotJobRecord {
  tracking_id: string;
  status: CopilotJobStatus;
  /** The answer once completed. */
  output?: unknown;
  /** Why it failed (a stable code, a message safe to show). */
  error?: { code: string; message: string };
  created_at: string;
  finished_at?: string;
  /**
   * While queued or processing: until when (epoch ms) the replica running it vouches for it. It renews the
   * lease while it works; a lapsed lease means that process died, and the job reads as failed.
   */
  lease_until?: number;
}

/**
 * Where copilot jobs live, so any replica answers a job's status: Redis when Redis is configured, else one
 * process's memory. Records are scoped by tenant (another tenant's tracking id finds nothing) and kept
 * `ttlMs` after their last write.
 */
export interface CopilotJobStore {
  /** Writes the job's record (a new job, a status change, a renewed lease) and keeps it `ttlMs` from now. */
  put(tenantId: TenantId, record: CopilotJobRecord, ttlMs: number): Promise<void>;
  /** The record, or undefined when this tenant has no such job (or it expired). */
  get(tenantId: TenantId, trackingId: string): Promise<CopilotJobRecord | undefined>;
}

/** How long a job is kept after its last change: its output can be fetched for an hour after it finished. */
export const COPILOT_JOB_KEEP_MS = 60 * 60 * 1000;
