import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { redisClusterUnavailable, startRedisCluster, type LocalRedisCluster } from './redis-cluster.js';

/**
 * A `describe` whose tests run against one local Redis Cluster started for them (stopped afterwards), or a
 * visibly skipped block naming why when `redis-server` is missing.
 */
export function describeOnRedisCluster(name: string, body: (cluster: () => LocalRedisCluster) => void): void {
  const unavailable = redisClusterUnavailable();
  if (unavailable) {
    describe.skip(`${name} (skipped: ${unavailable})`, () => {
      it.skip(`skipped: ${unavailable}; install Redis 7 (redis-server, redis-cli) to run it`, () =>
        undefined);
    });
    return;
  }
  describe(name, () => {
    let cluster: LocalRedisCluster | undefined;
    beforeAll(async () => {
      cluster = await startRedisCluster();
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    }, 30_000);
    body(() => {
      if (!cluster) throw new Error('the Redis Cluster did not start');
      return cluster;
    });
  });
}
