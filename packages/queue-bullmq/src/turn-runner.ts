import {
  isCrewError,
  TURN_HANDED_BACK,
  type QueueLogger,
  type QueueSettings,
  type QueueStats,
  type Turn,
  type TurnWorker,
} from '@mcp-crew/core';
import { UnrecoverableError, WaitingError, type Job, type Queue } from 'bullmq';
import type { ConversationBuffer } from './conversation-buffer.js';
import { turnJobOptions, type TurnJobData } from './turn-jobs.js';

export interface TurnRunnerDeps {
  worker: TurnWorker;
  buffer: ConversationBuffer;
  turns: Queue<TurnJobData>;
  settings: QueueSettings;
  stats: QueueStats;
  logger: QueueLogger;
}

/** The turn queue's processor: builds the turn from the buffer, runs it, and removes exactly what it handled. */
export class TurnRunner {
  constructor(private readonly deps: TurnRunnerDeps) {}

  readonly process = async (job: Job<TurnJobData>, token?: string, signal?: AbortSignal): Promise<void> => {
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
  };

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
    const { buffer, turns, settings } = this.deps;
    await buffer.remove(turn.tenantId, turn.conversationId, turn.messages);
    // Messages that arrived while this job waited for a retry were deduplicated into it; this job is still
    // active, so BullMQ stores this add as the follow-up and creates it once this job ends.
    if ((await buffer.size(turn.tenantId, turn.conversationId)) > 0) {
      await turns.add(
        'turn',
        { tenantId: turn.tenantId, conversationId: turn.conversationId },
        turnJobOptions(settings, turn.tenantId, turn.conversationId),
      );
    }
  }
}
