import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The repository root and one real file of packages/core, whose text is replaced on ESLint's stdin only.
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CORE_FILE = fileURLToPath(new URL('../../core/src/cache/cache-keys.ts', import.meta.url));
const BIN = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

// ESLint and Nx run as child processes, exactly as `npm run lint` runs them (not inside Jest's module system).
function boundaryErrors(code: string): string[] {
  const run = spawnSync(BIN('eslint'), ['--stdin', '--stdin-filename', CORE_FILE, '--format', 'json'], {
    cwd: ROOT,
    input: code,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as Array<{
    messages: Array<{ ruleId: string | null; message: string }>;
  }>;
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@nx/enforce-module-boundaries')
    .map((m) => m.message);
}

describe('module boundaries (ESLint, @nx/enforce-module-boundaries)', () => {
  beforeAll(() => {
    // The rule reads Nx's cached project graph; `nx show projects` computes it, as the lint script does.
    execFileSync(BIN('nx'), ['show', 'projects'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it('refuses an outside package (a driver) imported from packages/core', () => {
    const errors = boundaryErrors(
      `import Redis from 'ioredis';\nexport const client = (url: string) => new Redis(url);\n`,
    );
    expect(errors).toEqual([expect.stringContaining('"type:core" is not allowed to import "ioredis"')]);
  }, 60_000);

  it('accepts the core file as it is (zod and Node built-ins only)', () => {
    expect(boundaryErrors(readFileSync(CORE_FILE, 'utf8'))).toEqual([]);
  }, 60_000);
});
