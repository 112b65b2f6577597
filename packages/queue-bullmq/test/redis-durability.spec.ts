import { describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { checkRedisDurability } from '../src/index.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function recordingLogger() {
  const warnings: string[] = [];
  return {
    warnings,
    logger: { warn: (_o: object, msg: string) => void warnings.push(msg), error: () => undefined },
  };
}

/** A Redis that answers CONFIG GET with the given settings (or refuses CONFIG, as managed services do). */
function fakeRedis(settings: Record<string, string> | 'disabled'): Redis {
  return {
    call: async (_cmd: string, _sub: string, name: string) => {
      if (settings === 'disabled') throw new Error("ERR unknown command 'CONFIG'");
      return name in settings ? [name, settings[name]] : [];
    },
  } as unknown as Redis;
}

describe('checkRedisDurability', () => {
  it('warns that accepted messages can be lost when Redis has neither AOF nor RDB', async () => {
    const { logger, warnings } = recordingLogger();
    const result = await checkRedisDurability(
      fakeRedis({ appendonly: 'no', save: '', 'maxmemory-policy': 'noeviction' }),
      logger,
    );
    expect(result.persistent).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('LOST if Redis restarts')]);
  });

  it('is quiet with AOF on and noeviction; warns about an evicting policy', async () => {
    const quiet = recordingLogger();
    expect(
      (
        await checkRedisDurability(
          fakeRedis({ appendonly: 'yes', save: '', 'maxmemory-policy': 'noeviction' }),
          quiet.logger,
        )
      ).persistent,
    ).toBe(true);
    expect(quiet.warnings).toEqual([]);
    const evicting = recordingLogger();
    await checkRedisDurability(
      fakeRedis({ appendonly: 'no', save: '3600 1', 'maxmemory-policy': 'allkeys-lru' }),
      evicting.logger,
    );
    expect(evicting.warnings).toEqual([expect.stringContaining('maxmemory-policy noeviction')]);
  });

  it('tolerates CONFIG being disabled, and says what to check', async () => {
    const { logger, warnings } = recordingLogger();
    expect((await checkRedisDurability(fakeRedis('disabled'), logger)).persistent).toBe('unknown');
    expect(warnings[0]).toContain('CONFIG is disabled');
  });

  it('reads the settings of a real Redis', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const result = await checkRedisDurability(redis, recordingLogger().logger);
      expect(typeof result.appendonly).toBe('string');
      expect(typeof result.maxmemoryPolicy).toBe('string');
    } finally {
      await redis.quit();
    }
  });
});
