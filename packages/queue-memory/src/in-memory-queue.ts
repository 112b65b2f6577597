import {
  CONSOLE_QUEUE_LOGGER,
  conversationKey,
  CrewError,
  DEFAULT_QUEUE_SETTINGS,
  defaultTenantLimits,
  emptyQueueStats,
  messageIdentity,
  type EnqueueResult,
  type InboundMessage,
  type InboundQueue,
  type QueueInspection,
  type QueueLogger,
  type QueueSettings,
  type QueueStats,
  type TenantId,
  type TenantLimitsLookup,
  type TenantTokenMeter,
  type Turn,
  type TurnWorker,
} from '@mcp-crew/core';
import { DeliveryIdMemory } from './delivery-ids.js';
import { MemoryTokenMeter } from './memory-token-meter.js';
import { TenantRoundRobin } from './tenant-round-robin.js';

export interface InMemoryQueueOptions {
  settings?: QueueSettings;
  /** Conversations handled at once. Default 16. */
  concurrency?: number;
  logger?: QueueLogger;
  /** Each tenant's cap on turns at once and on model tokens per minute. Default DEFAULT_TENANT_LIMITS. */
  limits?: TenantLimitsLookup;
  /** Model tokens spent per tenant. Default: a meter of this process. */
  tokens?: TenantTokenMeter;
}

/** Failed turns kept for an operator; older ones are dropped past this many. */
const FAILED_TURNS_LIMIT = 1000;

/** One conversation's messages waiting for their turn. */
interface Lane {
  key: string;
  tenantId: TenantId;
  conversationId: number;
  pending: InboundMessage[];
  /** When the oldest pending message arrived: the coalescing window counts from it. */
  firstPendingAt: number;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
}

/**
 * The inbound queue inside one process (the embedded default): same ordering, coalescing and retry
 * semantics as the Redis adapter, nothing durable. Messages still waiting when the process dies are lost,
 * which is why production runs the BullMQ adapter.
 */
export class InMemoryQueue implements InboundQueue, QueueInspection {
  readonly #settings: QueueSettings;
  readonly #concurrency: number;
  readonly #logger: QueueLogger;
  readonly #seen: DeliveryIdMemory;
  readonly #limits: TenantLimitsLookup;
  /** Model tokens per tenant and minute: the model path records, this queue holds a tenant over its cap. */
  readonly tokens: TenantTokenMeter;
  readonly #lanes = new Map<string, Lane>();
  /** Lanes whose coalescing window has passed, served round-robin across tenants. */
  readonly #ready = new TenantRoundRobin<Lane>();
  readonly #runningByTenant = new Map<TenantId, number>();
  /**
   * Tenants over their tokens per minute: they start nothing until a re-check (timed for when the window
   * should free) finds them under it. Blocked until the re-check answers, never merely until the time passes.
   */
  readonly #tokenBlocked = new Set<TenantId>();
  readonly #tokenTimers = new Map<TenantId, NodeJS.Timeout>();
  readonly #failed: Turn[] = [];
  readonly #stats = emptyQueueStats();
  #worker: TurnWorker | undefined;
  #running = 0;
  #closing = false;
  #idleWaiters: Array<() => void> = [];

  constructor(options: InMemoryQueueOptions = {}) {
    this.#settings = options.settings ?? DEFAULT_QUEUE_SETTINGS;
    this.#concurrency = Math.max(1, options.concurrency ?? 16);
    this.#logger = options.logger ?? CONSOLE_QUEUE_LOGGER;
    this.#limits = options.limits ?? defaultTenantLimits;
    this.tokens = options.tokens ?? new MemoryTokenMeter();
    this.#seen = new DeliveryIdMemory(this.#settings.idempotencyTtlMs);
  }

  async enqueue(message: InboundMessage): Promise<EnqueueResult> {
    if (this.#closing) {
      throw new CrewError('QUEUE_CLOSED', 'the queue is closing and accepts no messages', {
        domain: 'queue',
        category: 'system',
        retryable: true,
      });
    }
    // By delivery (JSON keeps the pair unambiguous whatever characters a delivery id holds), then by message:
    // the same Chatwoot message under a new delivery id is a duplicate too.
    const newDelivery = this.#seen.remember(
      JSON.stringify(['delivery', message.tenantId, message.deliveryId]),
    );
    if (!newDelivery || !this.#seen.remember(messageIdentity(message))) {
      this.#stats.duplicates++;
      return { accepted: false };
    }
    this.#stats.enqueued++;
    const lane = this.#lane(message);
    if (lane.pending.length === 0) lane.firstPendingAt = Date.now();
    lane.pending.push(message);
    if (!lane.running && !lane.timer && !this.#ready.includes(lane.tenantId, lane)) this.#arm(lane);
    return { accepted: true };
  }

  async startWorker(worker: TurnWorker): Promise<void> {
    if (this.#worker)
      throw new CrewError('QUEUE_WORKER_STARTED', 'a worker is already consuming this queue', {
        domain: 'queue',
        category: 'system',
      });
    this.#worker = worker;
    this.#pump();
  }

  async isReady(): Promise<boolean> {
    return !this.#closing;
  }

  stats(): QueueStats {
    return { ...this.#stats };
  }

  async failedTurns(): Promise<Turn[]> {
    return [...this.#failed];
  }

  async readyTurns(): Promise<Record<string, number>> {
    return this.#ready.depths();
  }

  /** Stops taking messages, runs what is pending at once (no window) and waits for every turn to end. */
  async close(): Promise<void> {
    this.#closing = true;
    for (const lane of this.#lanes.values()) {
      if (lane.timer) {
        clearTimeout(lane.timer);
        lane.timer = undefined;
        this.#ready.push(lane.tenantId, lane);
      }
    }
    this.#tokenBlocked.clear();
    for (const timer of this.#tokenTimers.values()) clearTimeout(timer);
    if (!this.#worker) {
      const dropped = [...this.#lanes.values()].reduce((n, lane) => n + lane.pending.length, 0);
      if (dropped > 0)
        this.#logger.warn({ dropped }, 'in-process queue closed without a worker: pending messages dropped');
      this.#lanes.clear();
      this.#ready.clear();
      return;
    }
    this.#pump();
    await new Promise<void>((resolve) => {
      if (this.#isIdle()) resolve();
      else this.#idleWaiters.push(resolve);
    });
  }

  #lane(message: InboundMessage): Lane {
    const key = conversationKey(message.tenantId, message.conversationId);
    let lane = this.#lanes.get(key);
    if (!lane) {
      lane = {
        key,
        tenantId: message.tenantId,
        conversationId: message.conversationId,
        pending: [],
        firstPendingAt: 0,
        timer: undefined,
        running: false,
      };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  /** Makes the lane ready once the coalescing window of its oldest pending message has passed. */
  #arm(lane: Lane): void {
    const wait = this.#closing
      ? 0
      : Math.max(0, lane.firstPendingAt + this.#settings.coalesceWindowMs - Date.now());
    lane.timer = setTimeout(() => {
      lane.timer = undefined;
      this.#ready.push(lane.tenantId, lane);
      this.#pump();
    }, wait);
  }

  /** Whether the tenant may start a turn now: under its cap on turns at once and on tokens per minute. */
  #mayStart = (tenantId: TenantId): boolean => {
    if ((this.#runningByTenant.get(tenantId) ?? 0) >= this.#limits(tenantId).maxConcurrentTurns) return false;
    return !this.#tokenBlocked.has(tenantId);
  };

  #pump(): void {
    const worker = this.#worker;
    if (!worker) return;
    while (this.#running < this.#concurrency) {
      const lane = this.#ready.take(this.#mayStart);
      if (!lane) break;
      this.#running++;
      this.#runningByTenant.set(lane.tenantId, (this.#runningByTenant.get(lane.tenantId) ?? 0) + 1);
      lane.running = true;
      const messages = lane.pending.sort((a, b) => a.messageId - b.messageId);
      lane.pending = [];
      void this.#runTurn(worker, {
        tenantId: lane.tenantId,
        conversationId: lane.conversationId,
        messages,
      }).finally(() => this.#finish(lane));
    }
  }

  #finish(lane: Lane): void {
    lane.running = false;
    this.#running--;
    const left = (this.#runningByTenant.get(lane.tenantId) ?? 1) - 1;
    if (left > 0) this.#runningByTenant.set(lane.tenantId, left);
    else this.#runningByTenant.delete(lane.tenantId);
    void this.#checkTokens(lane.tenantId);
    // Messages that arrived during the turn form the next one.
    if (lane.pending.length > 0) this.#arm(lane);
    else this.#lanes.delete(lane.key);
    this.#pump();
    if (this.#isIdle()) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  #isIdle(): boolean {
    return this.#running === 0 && this.#ready.size === 0 && [...this.#lanes.values()].every((l) => !l.timer);
  }

  /** After a tenant's turn: when it spent its tokens for the minute, hold its next turns until the window frees. */
  async #checkTokens(tenantId: TenantId): Promise<void> {
    const perMinute = this.#limits(tenantId).modelTokensPerMinute;
    if (perMinute <= 0 || this.#closing) return;
    const wait = await this.tokens.waitMs(tenantId, perMinute).catch(() => 0);
    if (wait <= 0) {
      if (this.#tokenBlocked.delete(tenantId)) this.#pump();
      return;
    }
    this.#tokenBlocked.add(tenantId);
    clearTimeout(this.#tokenTimers.get(tenantId));
    this.#tokenTimers.set(
      tenantId,
      setTimeout(() => {
        this.#tokenTimers.delete(tenantId);
        void this.#checkTokens(tenantId);
      }, wait),
    );
  }

  async #runTurn(worker: TurnWorker, turn: Turn): Promise<void> {
    const { attempts, backoffMs } = this.#settings;
    for (let attempt = 1; ; attempt++) {
      try {
        await worker.handle(turn, { attempt, maxAttempts: attempts });
        this.#stats.turnsHandled++;
        return;
      } catch (error) {
        if (attempt < attempts) {
          this.#stats.retries++;
          await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
          continue;
        }
        await this.#exhaust(worker, turn, error);
        return;
      }
    }
  }

  async #exhaust(worker: TurnWorker, turn: Turn, error: unknown): Promise<void> {
    this.#stats.exhausted++;
    try {
      await worker.exhausted(turn, error);
    } catch (handoffError) {
      this.#stats.exhaustedFailures++;
      this.#failed.push(turn);
      if (this.#failed.length > FAILED_TURNS_LIMIT) this.#failed.shift();
      this.#logger.error(
        {
          tenant: turn.tenantId,
          conversation: turn.conversationId,
          messages: turn.messages.length,
          err: handoffError,
        },
        'turn exhausted its attempts and the hand-over failed too: kept in failedTurns()',
      );
    }
  }
}
