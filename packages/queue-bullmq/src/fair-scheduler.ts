import type { TenantId } from '@mcp-crew/core';
import type { RedisClient } from '@mcp-crew/redis-connection';
import { schedulerKeys } from './keys.js';

/** BullMQ's highest priority number (its scores keep 21 bits for it). */
export const MAX_TAG = 2 ** 21 - 1;
/** Past this clock the tags start again from 1 at the next moment the turn queue is empty. */
export const RESET_TAGS_AT = 2 ** 20;

// Start-time fair queuing. A tenant's next turn gets the tag max(clock, tenant's last tag) + 1; the clock is
// the tag of the latest turn started. BullMQ runs the lowest priority first, so with the tag as priority each
// tenant has at most one turn per tag value ahead of a newcomer: tenant B's first turn is tagged clock + 1,
// level with A's next one, however many turns A has queued behind it.
// Tags only grow, and BullMQ priorities stop at MAX_TAG: once the clock passes RESET_TAGS_AT, the first
// reservation that finds the turn queue empty (nothing waiting, delayed, prioritized, paused or running)
// starts a new epoch from 0, when no queued job can hold an old, larger tag.
const RESERVE = `
local clock = tonumber(redis.call('HGET', KEYS[1], 'clock') or '0')
if clock >= tonumber(ARGV[2]) and redis.call('LLEN', KEYS[2]) == 0 and redis.call('LLEN', KEYS[3]) == 0
  and redis.call('ZCARD', KEYS[4]) == 0 and redis.call('ZCARD', KEYS[5]) == 0
  and redis.call('LLEN', KEYS[6]) == 0 then
  local epoch = tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0') + 1
  redis.call('DEL', KEYS[1])
  redis.call('HSET', KEYS[1], 'epoch', epoch)
  clock = 0
end
local last = tonumber(redis.call('HGET', KEYS[1], 'last:' .. ARGV[1]) or '0')
local tag = math.max(clock, last) + 1
redis.call('HSET', KEYS[1], 'last:' .. ARGV[1], tag)
return {tag, tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0')}`;

// A reservation whose add was deduplicated into a turn already queued: give the tag back unless the tenant
// reserved a later one meanwhile (then one tag stays unused, costing the tenant nothing but a skipped place).
const UNRESERVE = `
if tonumber(redis.call('HGET', KEYS[1], 'last:' .. ARGV[1]) or '0') == tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[1], 'last:' .. ARGV[1], tonumber(ARGV[2]) - 1)
end
return 0`;

// A turn about to start: a lease in its tenant's set unless the tenant is at its cap (expired leases are of
// dead workers and do not count; a resumed turn finds its own lease). Starting moves the clock to its tag.
const ACQUIRE = `
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if not redis.call('ZSCORE', KEYS[2], ARGV[1]) and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[4]) * 2)
local tag = tonumber(ARGV[5])
if tag > tonumber(redis.call('HGET', KEYS[1], 'clock') or '0') then
  redis.call('HSET', KEYS[1], 'clock', tag)
end
return 1`;

const RENEW = `
if redis.call('ZADD', KEYS[1], 'XX', 'CH', tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1]) == 1 then
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
end
return 0`;

type Scripted = RedisClient & {
  fairReserve(
    clock: string,
    active: string,
    wait: string,
    delayed: string,
    prioritized: string,
    paused: string,
    tenant: string,
    resetAt: number,
  ): Promise<[number, number]>;
  fairUnreserve(clock: string, tenant: string, tag: number): Promise<number>;
  fairAcquire(
    clock: string,
    running: string,
    jobId: string,
    cap: number,
    now: number,
    leaseMs: number,
    tag: number,
  ): Promise<number>;
  fairRenew(running: string, jobId: string, now: number, leaseMs: number): Promise<number>;
};

/**
 * Fair turns across tenants on one BullMQ queue: tags (as BullMQ priorities) for round-robin order, and
 * per-tenant leases for the cap on turns at once. Open-source BullMQ has no groups; this is the part of them
 * the queue needs, in four short scripts (each touches one tenant's keys and the clock, never a scan).
 */
/** The turn queue's BullMQ keys the reset looks at (BullMQ's `queue.keys`). */
export interface TurnQueueKeys {
  active: string;
  wait: string;
  delayed: string;
  prioritized: string;
  paused: string;
}

/** The keys of a BullMQ queue the reset reads, from BullMQ's own key map. */
export function turnQueueKeys(queue: { keys: Record<string, string> }): TurnQueueKeys {
  const key = (name: keyof TurnQueueKeys): string => {
    const value = queue.keys[name];
    if (!value) throw new Error(`BullMQ has no "${name}" key for this queue`);
    return value;
  };
  return {
    active: key('active'),
    wait: key('wait'),
    delayed: key('delayed'),
    prioritized: key('prioritized'),
    paused: key('paused'),
  };
}

/** A reserved tag and the epoch it belongs to (see RESERVE). */
export interface Reservation {
  tag: number;
  epoch: number;
}

export class FairScheduler {
  readonly #redis: Scripted;
  readonly #keys: ReturnType<typeof schedulerKeys>;

  constructor(
    redis: RedisClient,
    prefix: string,
    private readonly queueKeys: TurnQueueKeys,
    readonly resetAt: number = RESET_TAGS_AT,
  ) {
    this.#keys = schedulerKeys(prefix);
    const scripted = redis as Scripted;
    if (typeof scripted.fairReserve !== 'function') {
      redis.defineCommand('fairReserve', { numberOfKeys: 6, lua: RESERVE });
      redis.defineCommand('fairUnreserve', { numberOfKeys: 1, lua: UNRESERVE });
      redis.defineCommand('fairAcquire', { numberOfKeys: 2, lua: ACQUIRE });
      redis.defineCommand('fairRenew', { numberOfKeys: 1, lua: RENEW });
    }
    this.#redis = scripted;
  }

  /** The tag (BullMQ priority) of the tenant's next turn. */
  async reserve(tenantId: TenantId): Promise<Reservation> {
    const { active, wait, delayed, prioritized, paused } = this.queueKeys;
    const [tag, epoch] = await this.#redis.fairReserve(
      this.#keys.clock,
      active,
      wait,
      delayed,
      prioritized,
      paused,
      tenantId,
      this.resetAt,
    );
    return { tag: Math.min(MAX_TAG, tag), epoch };
  }

  /** The current epoch: a tag reserved in an earlier one is stale (larger than every new tag). */
  async epoch(): Promise<number> {
    return Number((await this.#redis.hget(this.#keys.clock, 'epoch')) ?? 0);
  }

  async unreserve(tenantId: TenantId, tag: number): Promise<void> {
    await this.#redis.fairUnreserve(this.#keys.clock, tenantId, tag);
  }

  /** A slot for the turn job under the tenant's cap, or undefined when the tenant is at its cap. */
  async acquire(
    tenantId: TenantId,
    jobId: string,
    tag: number,
    cap: number,
    leaseMs: number,
  ): Promise<TenantSlot | undefined> {
    const running = this.#keys.running(tenantId);
    const ok = await this.#redis.fairAcquire(this.#keys.clock, running, jobId, cap, Date.now(), leaseMs, tag);
    if (ok !== 1) return undefined;
    // The lease outlives a turn only while this worker lives: renewed at a third of its length.
    const timer = setInterval(
      () => {
        this.#redis.fairRenew(running, jobId, Date.now(), leaseMs).catch(() => undefined);
      },
      Math.max(100, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    return {
      release: async () => {
        clearInterval(timer);
        await this.#redis.zrem(running, jobId);
      },
    };
  }
}

export interface TenantSlot {
  release(): Promise<void>;
}
