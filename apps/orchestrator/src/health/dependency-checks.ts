import { openRedis, type RedisClient, type RedisTarget } from '@mcp-crew/redis-connection';
import type { DocumentStore, InboundQueue, TenantConfig, VectorStore } from '@mcp-crew/core';
import { checkChatwoot, checkOdoo } from '../admin/connection-checks.js';

/** One dependency's state as `/health` shows it: never a secret, always a reason when it is down. */
export interface DependencyState {
  status: 'up' | 'down';
  /** Which adapter: `redis`, `in-process`, `embedded`, `mongodb`, `qdrant`, ... */
  kind: string;
  reason?: string;
}

export interface DependencyChecksOptions {
  queue: InboundQueue;
  queueKind: 'redis' | 'in-process';
  /** Pinged on its own connection, so `/health` tells "Redis down" apart from "queue not started". */
  redis?: RedisTarget;
  documents?: DocumentStore;
  vectors?: VectorStore;
}

const PROBE_TIMEOUT_MS = 2000;

/**
 * The readiness probes of the running app: queue, Redis, document store, vector store (each with its state and
 * reason), and, in a separate view, each tenant's Odoo and Chatwoot reachability.
 */
export class DependencyChecks {
  readonly #options: DependencyChecksOptions;
  readonly #redis?: RedisClient;

  constructor(options: DependencyChecksOptions) {
    this.#options = options;
    if (options.redis) {
      // No offline queue: while Redis is down a ping fails at once instead of waiting for a reconnect.
      this.#redis = openRedis(options.redis, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        retryStrategy: () => 1000,
      });
      this.#redis.on('error', () => undefined); // reported through check(), not as unhandled errors
      void this.#redis.connect().catch(() => undefined);
    }
  }

  /** Every dependency the app needs to take and answer webhooks. */
  async check(): Promise<Record<string, DependencyState>> {
    const { queue, queueKind, documents, vectors } = this.#options;
    const entries = await Promise.all([
      probe('queue', queueKind, async () =>
        (await queue.isReady()) ? undefined : 'the queue does not accept messages yet',
      ),
      ...(this.#redis ? [probe('redis', 'redis', async () => void (await this.#redis!.ping()))] : []),
      ...(documents
        ? [probe('documents', documents.id, async () => void (await documents.tenants.list()))]
        : []),
      ...(vectors
        ? [probe('vectors', vectors.id, async () => void (await vectors.collectionDimension('products')))]
        : []),
    ]);
    return Object.fromEntries(entries);
  }

  /** Each tenant's Odoo login and Chatwoot reachability (slower: real calls to the tenants' systems). */
  async tenants(
    list: TenantConfig[],
  ): Promise<Record<string, { odoo: DependencyState; chatwoot: DependencyState }>> {
    const rows = await Promise.all(
      list.map(async (tenant) => {
        const [odoo, chatwoot] = await Promise.all([checkOdoo(tenant), checkChatwoot(tenant)]);
        const state = (
          c: { ok: boolean; skipped?: boolean; detail: string },
          kind: string,
        ): DependencyState =>
          c.ok || c.skipped
            ? { status: 'up', kind: c.skipped ? 'not configured' : kind, reason: c.detail }
            : { status: 'down', kind, reason: c.detail };
        return [
          tenant.id,
          {
            odoo: state(odoo, tenant.odoo?.sandbox ? 'sandbox' : 'odoo'),
            chatwoot: state(chatwoot, 'chatwoot'),
          },
        ] as const;
      }),
    );
    return Object.fromEntries(rows);
  }

  async close(): Promise<void> {
    this.#redis?.disconnect();
  }
}

async function probe(
  name: string,
  kind: string,
  run: () => Promise<string | undefined | void>,
): Promise<[string, DependencyState]> {
  try {
    const reason = await Promise.race([
      run(),
      new Promise<string>((resolve) =>
        setTimeout(() => resolve(`no answer within ${PROBE_TIMEOUT_MS} ms`), PROBE_TIMEOUT_MS).unref(),
      ),
    ]);
    return [name, reason ? { status: 'down', kind, reason } : { status: 'up', kind }];
  } catch (error) {
    return [name, { status: 'down', kind, reason: describe(error) }];
  }
}

/** The error's class and message, without anything that could hold a credential (URLs are not echoed). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'failed';
  return error.message.replace(/[a-z+]+:\/\/\S+/gi, '<url>').slice(0, 200) || error.name;
}
