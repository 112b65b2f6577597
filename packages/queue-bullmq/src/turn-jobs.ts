import { randomUUID } from 'node:crypto';
import type { QueueSettings, TenantId, Turn } from '@mcp-crew/core';
import type { JobsOptions, Queue } from 'bullmq';
import type { FairScheduler } from './fair-scheduler.js';
import { turnDedupId } from './keys.js';

/** A turn job names the conversation; on its first attempt it records the turn it took, so retries repeat it. */
export interface TurnJobData {
  tenantId: TenantId;
  conversationId: number;
  turn?: Turn;
  /** A stopping worker gave the turn back before finishing it; the next run resumes it. */
  handedBack?: boolean;
}

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/**
 * Options of a conversation's turn job. `keepLastIfActive` deduplication is BullMQ's own per-key
 * serialisation: while a turn job of the conversation waits, new messages join it; while one runs, BullMQ
 * keeps exactly one follow-up and creates it when the running job ends. So one conversation never has two
 * turns running, even across worker processes. The priority is the fair scheduler's tag.
 */
export function turnJobOptions(
  settings: QueueSettings,
  tenantId: TenantId,
  conversationId: number,
  tag: number,
): JobsOptions {
  return {
    delay: settings.coalesceWindowMs,
    priority: tag,
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs },
    deduplication: { id: turnDedupId(tenantId, conversationId), keepLastIfActive: true },
    removeOnComplete: true,
    // Failed turn jobs hold turns nobody could take (see failedTurns()); an operator can retry them.
    removeOnFail: { age: WEEK_SECONDS, count: 10_000 },
  };
}

/**
 * Schedules the conversation's turn: a tag from the fair scheduler, then the job. When the add joins a turn
 * already queued (deduplicated), the tag is given back so a chatty conversation does not push its tenant back.
 */
export async function addTurn(
  turns: Queue<TurnJobData>,
  scheduler: FairScheduler,
  settings: QueueSettings,
  tenantId: TenantId,
  conversationId: number,
): Promise<void> {
  const { tag, epoch } = await scheduler.reserve(tenantId);
  const jobId = randomUUID();
  const job = await turns.add(
    'turn',
    { tenantId, conversationId },
    { ...turnJobOptions(settings, tenantId, conversationId, tag), jobId },
  );
  if (job.id !== jobId) {
    await scheduler.unreserve(tenantId, tag);
    return;
  }
  // Tags restart once they grow large (see FairScheduler); a job tagged just before a restart would wait
  // behind every new tag, so it takes one of the new epoch instead.
  if (tag >= scheduler.resetAt && (await scheduler.epoch()) !== epoch) {
    await job.changePriority({ priority: (await scheduler.reserve(tenantId)).tag });
  }
}
