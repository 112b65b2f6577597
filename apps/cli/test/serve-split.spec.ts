import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, REPO_ROOT } from '@mcp-crew/testing';

const MAIN = join(REPO_ROOT, 'apps/cli/dist/main.js');

/** Runs the real CLI with only the given environment; resolves its exit code and output. */
function crew(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

// Chatwoot must never hear "queued" from a process whose queue nobody consumes.
describe('crew serve split across processes', () => {
  it.each(['--no-worker', '--worker-only'])(
    '%s without REDIS_URL refuses to start and names the variable',
    async (flag) => {
      const result = await crew(['serve', flag], { LOG_LEVEL: 'silent' });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('REDIS_URL');
      expect(result.stderr).toContain(flag);
      expect(result.stdout).toBe('');
    },
    30_000,
  );
});
