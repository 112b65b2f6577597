import { beforeAll, describe, expect, it } from '@jest/globals';
import { ensureBuilt } from '@mcp-crew/testing';
import { crew } from './crew-process.js';

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

// Chatwoot must never hear "queued" from a process whose queue nobody consumes.
describe('crew serve split across processes', () => {
  it.each(['--no-worker', '--worker-only'])(
    '%s without REDIS_URL refuses to start and names the variable',
    async (flag) => {
      const result = await crew(['serve', flag], { LOG_LEVEL: 'silent' }, 20_000);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('REDIS_URL');
      expect(result.stderr).toContain(flag);
      expect(result.stdout).toBe('');
    },
    30_000,
  );
});
