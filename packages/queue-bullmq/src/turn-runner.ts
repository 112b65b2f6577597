import {
  isCrewError,
  TURN_HANDED_BACK,
  type QueueLogger,
  type QueueSettings,
  type QueueStats,
  type TenantLimitsLookup,
  type TenantTokenMeter,
  type Turn,
  type TurnWorker,
} from '@mcp-crew/core';
import { DelayedError, UnrecoverableError, WaitingError, type Job, type Queue } from 'bullmq';
import type { ConversationBuffer } from './conversation-buffer.js';
import type { FairScheduler, TenantSlot } from './fair-scheduler.js';
import { addTurn, type TurnJobData } from './turn-jobs.js';

/** A turn of a tenant at its cap on turns at once waits this long before trying again. */
const CAP_RETRY_MS = 200;

export interface TurnRunnerDeps {
  worker: TurnWorker;
  buffer: ConversationBuffer;
  turns: Queue<TurnJobData>;
  settings: QueueSettings;
  stats: QueueStats;
  logger: QueueLogger;
  scheduler: FairScheduler;
  limits: TenantLimitsLookup;
  tokens?: TenantTokenMeter;
  /** How long a tenant slot outlives a worker that stopped renewing it (died). */
  leaseMs: number;
}

/** The turn queue's processor: builds the turn from the buffer, runs it, and removes exactly what it handled. */
export class TurnRunner {
  constructor(private readonly deps: TurnRunnerDeps) {}

  readonly process = async (job: Job<TurnJobData>, token?: string, signal?: AbortSignal): Promise<void> => {
    const slot = await this.admit(job, token);
    try {
      await this.run(job, token, signal);
    } finally {
      await slot.release().catch(() => undefined);
    }
  };

  /**
   * The tenant's caps, checked before the turn takes its messages (so a deferred turn still gathers the ones
   * that arrive meanwhile): over its model tokens per minute it waits for the window, at its cap on turns at
   * once it waits for a slot. Either way the job goes back to the delayed set with its tag, keeping its place.
   */
  private async admit(job: Job<TurnJobData>, token: string | undefined): Promise<TenantSlot> {
    const { tenantId } = job.data;
    const limits = this.deps.limits(tenantId);
    // Both questions at once (one round trip of latency); a slot taken while over the tokens, or when the
    // token read failed, goes back at once (a kept slot would count against the tenant until this worker died).
    const [tokens, acquired] = await Promise.allSettled([
      this.deps.tokens ? this.deps.tokens.waitMs(tenantId, limits.modelTokensPerMinute) : 0,
      this.deps.scheduler.acquire(
        tenantId,
        job.id ?? '',
        job.priority,
        limits.maxConcurrentTurns,
        this.deps.leaseMs,
      ),
    ]);
    if (acquired.status === 'rejected') throw acquired.reason;
    const slot = acquired.value;
    if (tokens.status === 'rejected') {
      await slot?.release();
      throw tokens.reason;
    }
    const tokenWait = tokens.value;
    if (slot && tokenWait <= 0) return slot;
    await slot?.release();
    if (!token) throw new Error('a deferred turn needs its job token');
    await job.moveToDelayed(Date.now() + (tokenWait > 0 ? tokenWait : CAP_RETRY_MS), token);
    throw new DelayedError();
  }

  private async run(job: Job<TurnJobData>, token?: string, signal?: AbortSignal): Promise<void> {
    // A turn already snapshotted, run again without a failed attempt: its worker died or handed it back.
    const resumed = job.data.turn !== undefined && (job.stalledCounter > 0 || job.data.handedBack === true);
    const turn = job.data.turn ?? (await this.takeTurn(job));
    // An earlier turn already took every message (this job was a follow-up of a burst).
    if (!turn) return;

    const { attempts } = this.deps.settings;
    const attempt = job.attemptsMade + 1;
    try {
      await this.deps.worker.handle(turn, {
        attempt,
        maxAttempts: attempts,
        resumed,
        ...(signal ? { signal } : {}),
      });
      this.deps.stats.turnsHandled++;
    } catch (error) {
      if (isCrewError(error, TURN_HANDED_BACK) && token) {
        // This worker is stopping: the turn goes back to the queue at once, for another worker to resume.
        await job.updateData({ ...job.data, turn, handedBack: true });
        await job.moveToWait(token);
        throw new WaitingError();
      }
      if (attempt < attempts) {
        this.deps.stats.retries++;
        throw error; // BullMQ retries it after the exponential backoff
      }
      await this.exhaust(job, turn, error);
    }
    await this.settle(turn);
  }

  /** First attempt: snapshot the buffered messages into the job, so retries (and stalled re-runs) repeat the same turn. */
  private async takeTurn(job: Job<TurnJobData>): Promise<Turn | undefined> {
    const { tenantId, conversationId } = job.data;
    const messages = await this.deps.buffer.read(tenantId, conversationId);
    if (messages.length === 0) return undefined;
    const turn: Turn = { tenantId, conversationId, messages };
    await job.updateData({ tenantId, conversationId, turn });
    return turn;
  }

  private async exhaust(job: Job<TurnJobData>, turn: Turn, error: unknown): Promise<void> {
    this.deps.stats.exhausted++;
    try {
      await this.deps.worker.exhausted(turn, error);
    } catch (handoffError) {
      this.deps.stats.exhaustedFailures++;
      this.deps.logger.error(
        {
          tenant: turn.tenantId,
          conversation: turn.conversationId,
          job: job.id,
          messages: turn.messages.length,
          err: handoffError,
        },
        'turn exhausted its attempts and the hand-over failed too: kept as a failed turn job',
      );
      // The failed job keeps the turn (failedTurns(), or retry it in BullMQ); the buffer lets go of it so
      // the conversation's next messages are not blocked behind it.
      await this.settle(turn);
      throw new UnrecoverableError('turn exhausted and hand-over failed');
    }
  }

  /** Removes the turn's messages and, when others arrived meanwhile, makes sure a turn follows for them. */
  private async settle(turn: Turn): Promise<void> {
    const { buffer, turns, settings, scheduler } = this.deps;
    const left = await buffer.remove(turn.tenantId, turn.conversationId, turn.messages);
    // Messages that arrived while this job waited for a retry were deduplicated into it; this job is still
    // active, so BullMQ stores this add as the follow-up and creates it once this job ends.
    if (left > 0) {
      await addTurn(turns, scheduler, settings, turn.tenantId, turn.conversationId);
    }
  }
}
