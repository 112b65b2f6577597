import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';

/** A Redis Cluster: some of its nodes (the client discovers the others) and how to authenticate. */
export interface RedisClusterTarget {
  nodes: ReadonlyArray<{ host: string; port: number }>;
  username?: string;
  password?: string;
  /** Connect to every node over TLS. */
  tls?: boolean;
}

/**
 * Where Redis is: one server by URL (`redis://127.0.0.1:6379/0`) or plain ioredis options, or a cluster.
 * `redis` options win over a store's defaults (and, for a cluster, apply to every node's connection).
 */
export interface RedisTarget {
  url?: string;
  cluster?: RedisClusterTarget;
  redis?: RedisOptions;
}

/** A single-server or cluster client: the commands the stores use are the same on both. */
export type RedisClient = Redis | Cluster;

/**
 * Opens a client for `target`: `Redis` for one server, `Cluster` for a cluster. `defaults` are a store's own
 * choices (timeouts, offline queue, key prefix); the target's `redis` options override them.
 */
export function openRedis(target: RedisTarget, defaults: RedisOptions = {}): RedisClient {
  const options: RedisOptions = { ...defaults, ...target.redis };
  if (target.cluster) return openCluster(target.cluster, options);
  return target.url ? new Redis(target.url, options) : new Redis(options);
}

function openCluster(cluster: RedisClusterTarget, options: RedisOptions): Cluster {
  // The client-wide options live on the Cluster; the rest (timeouts, retries, auth) on each node's connection.
  const { keyPrefix, enableOfflineQueue, enableAutoPipelining, lazyConnect, ...node } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: {
      ...node,
      ...(cluster.username ? { username: cluster.username } : {}),
      ...(cluster.password ? { password: cluster.password } : {}),
      ...(cluster.tls ? { tls: {} } : {}),
    },
    ...(keyPrefix !== undefined ? { keyPrefix } : {}),
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(enableAutoPipelining !== undefined ? { enableAutoPipelining } : {}),
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    // Managed TLS clusters announce IPs their certificates do not name: connect by the name we were given.
    ...(cluster.tls ? { dnsLookup: (address, lookup) => lookup(null, address) } : {}),
  };
  return new Cluster(
    cluster.nodes.map(({ host, port }) => ({ host, port })),
    clusterOptions,
  );
}

/** Closes a client whatever its state: QUIT when connected, a plain disconnect otherwise (never waits for a server that is gone). */
export async function closeRedis(redis: RedisClient): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status === 'ready') {
    try {
      await redis.quit();
      return;
    } catch {
      // fall through to disconnect
    }
  }
  redis.disconnect();
}

/** Whether `redis` is a cluster client. */
export function isCluster(redis: RedisClient): redis is Cluster {
  return redis instanceof Cluster;
}
