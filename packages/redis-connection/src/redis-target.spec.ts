import { Cluster, Redis } from 'ioredis';
import { closeRedis, isCluster, openRedis } from './redis-target.js';

describe('openRedis', () => {
  it('opens one server for a URL, with the store defaults under the caller options', async () => {
    const redis = openRedis(
      { url: 'redis://127.0.0.1:1/2', redis: { commandTimeout: 50 } },
      { lazyConnect: true, commandTimeout: 500, keyPrefix: 'p:' },
    );
    try {
      expect(redis).toBeInstanceOf(Redis);
      expect(isCluster(redis)).toBe(false);
      expect((redis as Redis).options).toMatchObject({ port: 1, db: 2, commandTimeout: 50, keyPrefix: 'p:' });
    } finally {
      await closeRedis(redis);
    }
  });

  it('opens a cluster client: client-wide options on the cluster, the rest (and credentials, TLS) per node', async () => {
    const redis = openRedis(
      { cluster: { nodes: [{ host: '127.0.0.1', port: 1 }], password: 'pw', tls: true } },
      { lazyConnect: true, keyPrefix: 'p:', enableOfflineQueue: false, commandTimeout: 500 },
    );
    try {
      expect(redis).toBeInstanceOf(Cluster);
      const options = (redis as Cluster).options;
      expect(options).toMatchObject({ lazyConnect: true, keyPrefix: 'p:', enableOfflineQueue: false });
      expect(options.redisOptions).toMatchObject({ commandTimeout: 500, password: 'pw', tls: {} });
      expect(options.redisOptions).not.toHaveProperty('keyPrefix');
    } finally {
      await closeRedis(redis);
      expect(redis.status).toBe('end');
    }
  });
});
