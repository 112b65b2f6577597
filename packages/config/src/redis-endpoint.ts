/** A Redis Cluster as the settings give it: seed nodes (the client finds the rest), credentials, TLS. */
export interface RedisClusterEndpoint {
  nodes: Array<{ host: string; port: number }>;
  username?: string;
  password?: string;
  tls: boolean;
}

/** Where the shared stores' Redis is: one server by URL, or a cluster (the shape `@mcp-crew/redis-connection` takes). */
export type RedisEndpoint =
  { url: string; cluster?: undefined } | { url?: undefined; cluster: RedisClusterEndpoint };

const NODE_PATTERN = /^(?:(rediss?):\/\/)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:@/]+):(\d{1,5})\/?$/;

/**
 * Parses `REDIS_CLUSTER_NODES`: comma-separated `redis://` / `rediss://` URLs (or bare `host:port`) of some of
 * the cluster's nodes, each with its port. Credentials come from the first node that has them (a cluster has
 * one password); `rediss://` on any node means TLS to all. Throws a message (never the value) when invalid.
 */
export function parseClusterNodes(value: string): RedisClusterEndpoint {
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new Error('expected at least one node');
  const endpoint: RedisClusterEndpoint = { nodes: [], tls: false };
  const schemes = new Set<string>();
  for (const item of items) {
    const match = NODE_PATTERN.exec(item);
    const port = Number(match?.[5]);
    if (!match || !(port >= 1 && port <= 65535))
      throw new Error('expected comma-separated redis:// or rediss:// URLs (or host:port), each with a port');
    const [, scheme = 'redis', user, password, host = ''] = match;
    schemes.add(scheme);
    endpoint.nodes.push({ host, port });
    if (password && endpoint.password === undefined) {
      endpoint.password = decodeURIComponent(password);
      if (user) endpoint.username = decodeURIComponent(user);
    }
  }
  if (schemes.size > 1) throw new Error('expected every node with the same scheme (redis:// or rediss://)');
  endpoint.tls = schemes.has('rediss');
  return endpoint;
}
