import { randomUUID } from 'node:crypto';
import {
  CONSOLE_QUEUE_LOGGER,
  CrewError,
  DEFAULT_QUEUE_SETTINGS,
  defaultTenantLimits,
  emptyQueueStats,
  type EnqueueResult,
  type InboundMessage,
  type InboundQueue,
  type QueueInspection,
  type QueueLogger,
  type QueueSettings,
  type QueueStats,
  type TenantLimitsLookup,
  type TenantTokenMeter,
  type Turn,
  type TurnWorker,
} from '@mcp-crew/core';
import { Queue, Worker, type JobsOptions } from 'bullmq';
import type { RedisClient } from '@mcp-crew/redis-connection';
import { AddBatcher } from './add-batcher.js';
import { ConversationBuffer } from './conversation-buffer.js';
import { bullPrefix, INBOUND_QUEUE, messageDedupId, TURNS_QUEUE } from './keys.js';
import {
  closeConnection,
  producerConnection,
  workerConnection,
  type RedisTarget,
} from './redis-connections.js';
import { addTurn, type TurnJobData } from './turn-jobs.js';
import { TurnRunner } from './turn-runner.js';
import { FairScheduler, turnQueueKeys } from './fair-scheduler.js';
import { RedisTokenMeter } from './redis-token-meter.js';
import { checkRedisDurability, type RedisDurability } from './redis-durability.js';
import { closeWorker, InFlight, settlesWithin } from './worker-close.js';

export interface BullMqQueueOptions extends RedisTarget {
  /** Prefix of every key (BullMQ's and the conversation buffers). Default `mcp-crew`. */
  prefix?: string;
  settings?: QueueSettings;
  /** Conversations one process handles at once. Default 16. */
  concurrency?: number;
  logger?: QueueLogger;
  /**
   * BullMQ job lock: a worker that stops renewing it (it died) loses the turn after this long. Default 5 s;
   * with `stalledCheckMs` a dead worker's turn is resumed within their sum (under 10 s by default).
   */
  lockDurationMs?: number;
  /** How often each worker looks for turns whose lock expired (BullMQ's stalledInterval). Default 4 s. */
  stalledCheckMs?: number;
  /** Each tenant's cap on turns at once (across every worker) and on model tokens per minute. */
  limits?: TenantLimitsLookup;
  /** Model tokens per tenant. Default: on this Redis, shared by every process. */
  tokens?: TenantTokenMeter;
  /** How long `close` waits for the workers to stop before dropping their connections. Default 10 s. */
  closeTimeoutMs?: number;
}

/** What a consuming process holds: its connection, the turn queue and each worker with its running jobs. */
interface WorkerSide {
  redis: RedisClient;
  turns: Queue<TurnJobData>;
  workers: Array<{ worker: Worker; inFlight: InFlight }>;
}

const WEEK_SECONDS = 7 * 24 * 60 * 60;
const FAILED_TURNS_LIMIT = 1000;
const READY_TURNS_LIMIT = 10_000;
const INBOUND_CONCURRENCY = 64;

/**
 * The inbound queue on Redis, through BullMQ.
 *
 * - webhook → `enqueue`: one BullMQ add (one atomic script) into the `inbound` queue, deduplicated by the
 *   message's identity (tenant, conversation, Chatwoot message id) for `idempotencyTtlMs`; the adds of one
 *   event-loop turn leave as one pipeline (AddBatcher);
 * - `inbound` worker: appends the message to its conversation's buffer (idempotent) and adds the
 *   conversation's turn job, delayed by the coalescing window and deduplicated per conversation;
 * - `turns` worker: takes the buffered messages as one turn, calls `handle`, retries with BullMQ's
 *   exponential backoff, calls `exhausted` on the last failure, and removes exactly what it handled.
 */
export class BullMqQueue implements InboundQueue, QueueInspection {
  readonly #prefix: string;
  readonly #settings: QueueSettings;
  readonly #concurrency: number;
  readonly #logger: QueueLogger;
  readonly #lockDurationMs: number;
  readonly #stalledCheckMs: number;
  readonly #closeTimeoutMs: number;
  readonly #target: RedisTarget;
  readonly #producerRedis: RedisClient;
  readonly #stats = emptyQueueStats();
  readonly #limits: TenantLimitsLookup;
  /** Model tokens per tenant and minute, shared by every process: the model path records, turns wait on it. */
  readonly tokens: TenantTokenMeter;
  #inbound: Queue<InboundMessage> | undefined;
  /** Concurrent webhooks' messages go to Redis in one pipeline per event-loop turn. */
  readonly #adds = new AddBatcher<InboundMessage>(() => this.#inboundQueue(), 'message');
  #workerSide: WorkerSide | undefined;
  #closed = false;

  constructor(options: BullMqQueueOptions) {
    this.#prefix = options.prefix ?? 'mcp-crew';
    this.#settings = options.settings ?? DEFAULT_QUEUE_SETTINGS;
    this.#concurrency = Math.max(1, options.concurrency ?? 16);
    this.#logger = options.logger ?? CONSOLE_QUEUE_LOGGER;
    this.#lockDurationMs = options.lockDurationMs ?? 5000;
    this.#stalledCheckMs = options.stalledCheckMs ?? 4000;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
    this.#target = { url: options.url, cluster: options.cluster, redis: options.redis };
    this.#producerRedis = producerConnection(this.#target, this.#logger);
    this.#limits = options.limits ?? defaultTenantLimits;
    this.tokens = options.tokens ?? new RedisTokenMeter(this.#producerRedis, this.#prefix);
  }

  async enqueue(message: InboundMessage): Promise<EnqueueResult> {
    if (this.#closed) throw unavailable('the queue is closed');
    // Decided locally, without a round trip: a disconnected client would only fail anyway.
    if (this.#producerRedis.status !== 'ready')
      throw unavailable(`redis is not connected (${this.#producerRedis.status})`);
    const jobId = randomUUID();
    let storedId: string | undefined;
    try {
      storedId = await this.#adds.add(message, this.#inboundJobOptions(message, jobId));
    } catch (cause) {
      throw unavailable('redis refused the message', cause);
    }
    // A duplicate returns the id of the job that first carried this delivery.
    const accepted = storedId === jobId;
    if (accepted) this.#stats.enqueued++;
    else this.#stats.duplicates++;
    return { accepted };
  }

  async startWorker(worker: TurnWorker): Promise<void> {
    if (this.#workerSide)
      throw new CrewError('QUEUE_WORKER_STARTED', 'a worker is already consuming this queue', {
        domain: 'queue',
        category: 'system',
      });
    const redis = workerConnection(this.#target, this.#logger);
    const prefix = bullPrefix(this.#prefix);
    const turns = new Queue<TurnJobData>(TURNS_QUEUE, { connection: redis, prefix });
    turns.on('error', (err) => this.#logger.warn({ err: err.message }, 'turn queue error'));
    const buffer = new ConversationBuffer(redis, this.#prefix);
    const scheduler = new FairScheduler(redis, this.#prefix, turnQueueKeys(turns));
    const runner = new TurnRunner({
      worker,
      buffer,
      turns,
      settings: this.#settings,
      stats: this.#stats,
      logger: this.#logger,
      scheduler,
      limits: this.#limits,
      tokens: this.tokens,
      leaseMs: this.#lockDurationMs,
    });
    const common = {
      connection: redis,
      prefix,
      concurrency: this.#concurrency,
      lockDuration: this.#lockDurationMs,
      stalledInterval: this.#stalledCheckMs,
      // A turn re-run after a crash is safe (its effects are keyed); give up only after repeated crashes.
      maxStalledCount: 3,
    };

    const inboundInFlight = new InFlight();
    const turnsInFlight = new InFlight();
    const inboundWorker = new Worker<InboundMessage>(
      INBOUND_QUEUE,
      inboundInFlight.track(async (job) => {
        const message = job.data;
        await buffer.add(message);
        await addTurn(turns, scheduler, this.#settings, message.tenantId, message.conversationId);
      }),
      // Moving a message into its buffer is a few round trips and no CPU: many at once, so a tenant's burst of
      // webhooks clears this first-come stage quickly and the fair turn queue decides who goes first.
      { ...common, concurrency: Math.max(INBOUND_CONCURRENCY, this.#concurrency) },
    );
    const turnWorker = new Worker<TurnJobData>(TURNS_QUEUE, turnsInFlight.track(runner.process), common);
    for (const w of [inboundWorker, turnWorker]) {
      w.on('error', (err) => this.#logger.warn({ err: err.message, queue: w.name }, 'queue worker error'));
    }
    this.#workerSide = {
      redis,
      turns,
      workers: [
        { worker: inboundWorker, inFlight: inboundInFlight },
        { worker: turnWorker, inFlight: turnsInFlight },
      ],
    };
    await Promise.all([inboundWorker.waitUntilReady(), turnWorker.waitUntilReady()]);
  }

  /**
   * Resolves once Redis is connected and the inbound queue is initialised; rejects after `timeoutMs`.
   * Call it at startup so the first webhooks are not refused while the connection is still opening.
   */
  async waitUntilReady(timeoutMs = 5000): Promise<void> {
    const redis = this.#producerRedis;
    if (redis.status !== 'ready') {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          redis.off('ready', onReady);
          reject(unavailable(`redis did not become ready within ${timeoutMs} ms`));
        }, timeoutMs);
        const onReady = () => {
          clearTimeout(timer);
          resolve();
        };
        redis.once('ready', onReady);
      });
    }
    await this.#inboundQueue().waitUntilReady();
  }

  /** Reads Redis's persistence settings and logs a warning when queued messages could be lost (see redis-durability.ts). */
  checkDurability(): Promise<RedisDurability> {
    return checkRedisDurability(this.#producerRedis, this.#logger);
  }

  async isReady(): Promise<boolean> {
    if (this.#closed || this.#producerRedis.status !== 'ready') return false;
    try {
      return (await this.#producerRedis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  stats(): QueueStats {
    return { ...this.#stats };
  }

  /** Turns whose hand-over failed, from BullMQ's failed set (a turn job keeps the turn it took). */
  async failedTurns(): Promise<Turn[]> {
    const jobs = await this.#withTurnQueue((turns) => turns.getFailed(0, FAILED_TURNS_LIMIT - 1));
    return jobs
      .filter((job) => job !== undefined && job.data.turn !== undefined)
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((job) => job.data.turn as Turn);
  }

  /**
   * Turn jobs waiting for a worker, per tenant: queued ones and delayed ones whose time has come (BullMQ
   * promotes those only when a worker asks for a job). Reads up to 10,000 job payloads: for operators and tests.
   */
  async readyTurns(): Promise<Record<string, number>> {
    const jobs = await this.#withTurnQueue((turns) =>
      turns.getJobs(['prioritized', 'wait', 'delayed'], 0, READY_TURNS_LIMIT - 1),
    );
    const now = Date.now();
    const depths: Record<string, number> = {};
    for (const job of jobs) {
      if (!job || job.timestamp + job.delay > now) continue;
      depths[job.data.tenantId] = (depths[job.data.tenantId] ?? 0) + 1;
    }
    return depths;
  }

  async #withTurnQueue<T>(read: (turns: Queue<TurnJobData>) => Promise<T>): Promise<T> {
    const turns =
      this.#workerSide?.turns ??
      new Queue<TurnJobData>(TURNS_QUEUE, {
        connection: this.#producerRedis,
        prefix: bullPrefix(this.#prefix),
      });
    try {
      return await read(turns);
    } finally {
      if (turns !== this.#workerSide?.turns) await turns.close();
    }
  }

  /**
   * Stops consuming (BullMQ waits for the jobs in flight, which are handed back at once), then closes every
   * connection. Bounded by `closeTimeoutMs`: past it the connections are dropped, and a turn still running is
   * resumed by another worker once its lock expires (its effects are keyed, so it does not act twice). Seen on a
   * loaded machine with a Redis Cluster: a turn's MULTI whose reply never came held the close for ever.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const side = this.#workerSide;
    let graceful = true;
    if (side) {
      if (side.redis.status === 'ready') {
        graceful = await settlesWithin(this.#closeWorkers(side), this.#closeTimeoutMs);
        if (!graceful) {
          this.#logger.warn(
            { timeoutMs: this.#closeTimeoutMs, running: side.workers.map((w) => w.inFlight.running) },
            'queue workers did not stop in time: dropping their connections (running turns resume elsewhere)',
          );
          side.redis.disconnect();
        }
      } else {
        // Never connected (or lost Redis): nothing runs, and a graceful close would wait for Redis forever.
        side.redis.disconnect();
        await Promise.all([...side.workers.map(({ worker }) => worker.close(true)), side.turns.close()]);
      }
    }
    await this.#inbound?.close();
    await closeConnection(this.#producerRedis);
    if (side && graceful) await closeConnection(side.redis);
  }

  async #closeWorkers(side: WorkerSide): Promise<void> {
    // Inbound first: it feeds the turn queue. Running turns are stopped and handed back to the queue at once
    // (their abort signal fires; see TurnRunner) instead of holding the shutdown for a whole turn.
    side.workers[1]?.worker.cancelAllJobs('worker stopping');
    for (const { worker, inFlight } of side.workers) await closeWorker(worker, inFlight, this.#logger);
    await side.turns.close();
  }

  /** Created on first use, once Redis is reachable: BullMQ checks the server when a queue starts. */
  #inboundQueue(): Queue<InboundMessage> {
    if (!this.#inbound) {
      this.#inbound = new Queue<InboundMessage>(INBOUND_QUEUE, {
        connection: this.#producerRedis,
        prefix: bullPrefix(this.#prefix),
      });
      this.#inbound.on('error', (err) => this.#logger.warn({ err: err.message }, 'inbound queue error'));
    }
    return this.#inbound;
  }

  #inboundJobOptions(message: InboundMessage, jobId: string): JobsOptions {
    return {
      jobId,
      deduplication: { id: messageDedupId(message), ttl: this.#settings.idempotencyTtlMs },
      // Moving a message into its buffer only fails when Redis does; retry it a few times.
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: true,
      removeOnFail: { age: WEEK_SECONDS },
    };
  }
}

function unavailable(message: string, cause?: unknown): CrewError {
  return new CrewError('QUEUE_UNAVAILABLE', message, {
    domain: 'queue',
    category: 'system',
    retryable: true,
    cause,
  });
}
