import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { cacheFor, isCrewError, tenantId } from '@mcp-crew/core';
import { describeCacheStoreContract } from '@mcp-crew/testing';
import type { CacheLogger } from './cache-logger.js';
import { RedisCacheStore } from './redis-cache-store.js';

// Medium test: a real Redis on loopback; every store gets its own key prefix, deleted afterwards.
const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runPrefix = `test:cache:${randomUUID().slice(0, 8)}:`;
const admin = new Redis(url, { lazyConnect: true });

const silent: CacheLogger = { warn: () => {}, info: () => {} };

async function deleteKeys(pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function freshPrefix(): string {
  return `${runPrefix}${randomUUID().slice(0, 8)}:`;
}

async function freshStore(): Promise<{ store: RedisCacheStore; prefix: string }> {
  const prefix = freshPrefix();
  return { store: await RedisCacheStore.connect(url, { keyPrefix: prefix, logger: silent }), prefix };
}

afterAll(async () => {
  await deleteKeys(`${runPrefix}*`);
  await admin.quit();
});

describeCacheStoreContract('redis', async () => {
  const { store, prefix } = await freshStore();
  return {
    store,
    destroy: async () => {
      await store.close();
      await deleteKeys(`${prefix}*`);
    },
  };
});

describe('RedisCacheStore', () => {
  it('lays keys out per tenant, hashed, with tag sets that outlive their entries', async () => {
    const { store, prefix } = await freshStore();
    try {
      const cache = cacheFor(store, tenantId('pinturas-demo'));
      await cache.getOrLoad('odoo_partner', ['phone', '+573001234567'], async () => ({ id: 42 }), {
        tags: [{ model: 'res.partner', id: 42 }],
      });

      const keys = (await admin.keys(`${prefix}*`)).map((k) => k.slice(prefix.length)).sort();
      expect(keys).toHaveLength(3);
      expect(keys[0]).toMatch(/^mcp-crew:\{pinturas-demo\}:cache-kind:odoo_partner$/);
      expect(keys[1]).toMatch(/^mcp-crew:\{pinturas-demo\}:cache:odoo_partner:[0-9a-f]{64}$/);
      expect(keys[2]).toBe('mcp-crew:{pinturas-demo}:tag:res.partner:42');
      expect(keys.join(' ')).not.toContain('573001234567');

      const entryTtl = await admin.pttl(`${prefix}${keys[1]}`);
      expect(entryTtl).toBeGreaterThan(0);
      expect(entryTtl).toBeLessThanOrEqual(10 * 60_000);
      const entryExpiry = await admin.pexpiretime(`${prefix}${keys[1]}`);
      for (const tag of [keys[0], keys[2]]) {
        expect(await admin.pexpiretime(`${prefix}${tag}`)).toBeGreaterThan(entryExpiry);
      }
      // Tag members are stored without the client's prefix (and found again by the invalidation script).
      expect(await admin.zrange(`${prefix}${keys[2]}`, '0', '-1')).toEqual([keys[1]]);
    } finally {
      await store.close();
      await deleteKeys(`${prefix}*`);
    }
  });

  it('extends a tag set to its longest-lived entry, never shortens it', async () => {
    const { store, prefix } = await freshStore();
    try {
      const tag = 'mcp-crew:{acme}:tag:product.product:1';
      await store.set('mcp-crew:{acme}:cache:odoo_product:long', '1', 600_000, [tag]);
      await store.set('mcp-crew:{acme}:cache:odoo_stock:short', '1', 60_000, [tag]);
      expect(await admin.pttl(`${prefix}${tag}`)).toBeGreaterThan(60_000);
    } finally {
      await store.close();
      await deleteKeys(`${prefix}*`);
    }
  });

  it('fails soft when Redis is unreachable: answers from the loader and warns once', async () => {
    const port = await closedPort();
    const warnings: Array<{ obj: object; msg: string }> = [];
    const logger: CacheLogger = { warn: (obj, msg) => warnings.push({ obj, msg }), info: () => {} };
    // A short connect timeout: ioredis keeps a refused socket's connect timer alive until it fires.
    const store = await RedisCacheStore.connect(`redis://:s3cr3t-pass@127.0.0.1:${port}`, {
      logger,
      connectTimeoutMs: 200,
    });
    try {
      const cache = cacheFor(store, tenantId('acme'));
      let calls = 0;
      for (let i = 0; i < 3; i++) {
        expect(
          await cache.getOrLoad('odoo_stock', [7], async () => ({ free_qty: 12, call: ++calls })),
        ).toEqual({
          free_qty: 12,
          call: calls,
        });
      }
      expect(calls).toBe(3);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(/Redis cache unavailable/);
      expect(JSON.stringify(warnings)).not.toContain('s3cr3t-pass');
      expect(cache.stats()[0]).toMatchObject({ misses: 3, loads: 3, storeErrors: 6 });

      // A lost invalidation would leave stale prices once Redis is back: the caller must know.
      const failure = await cache.invalidate({ model: 'product.product', ids: [7] }).catch((e: unknown) => e);
      expect(isCrewError(failure, 'cache_unavailable')).toBe(true);
      expect(failure).toMatchObject({ category: 'third_party', retryable: true });
    } finally {
      await store.close();
    }
  });

  it('recovers when Redis comes back, and says so once', async () => {
    const redisPort = Number(new URL(url).port || 6379);
    const proxy = new TcpProxy(redisPort);
    const port = await proxy.start();
    const logs: string[] = [];
    const logger: CacheLogger = {
      warn: (_o, msg) => logs.push(`warn ${msg}`),
      info: (_o, msg) => logs.push(`info ${msg}`),
    };
    const prefix = freshPrefix();
    const store = await RedisCacheStore.connect(`redis://127.0.0.1:${port}`, {
      keyPrefix: prefix,
      logger,
      connectTimeoutMs: 200,
    });
    try {
      const cache = cacheFor(store, tenantId('acme'));
      let calls = 0;
      const load = async () => ++calls;
      await cache.getOrLoad('odoo_product', [1], load);

      await proxy.stop(); // Redis "goes down"
      expect(await cache.getOrLoad('odoo_product', [1], load)).toBe(2);
      expect(await cache.getOrLoad('odoo_product', [1], load)).toBe(3);

      await proxy.start(port); // and comes back: the entry cached before the outage is served again
      await eventually(async () => (await cache.getOrLoad('odoo_product', [1], load)) === 1);
      expect(logs.filter((l) => l.startsWith('warn'))).toHaveLength(1);
      expect(logs.filter((l) => l.startsWith('info'))).toEqual(['info Redis cache available again']);
    } finally {
      await store.close();
      await proxy.stop();
      await deleteKeys(`${prefix}*`);
    }
  });
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Forwards loopback TCP to Redis and can drop every connection, to play an outage. */
class TcpProxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();

  constructor(private readonly targetPort: number) {}

  async start(port = 0): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.on('close', () => this.#sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.#server = server;
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

/** Polls `check` until it holds, for at most `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
