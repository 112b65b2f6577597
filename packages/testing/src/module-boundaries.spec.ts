import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The repository root and one real file of packages/core, whose text is replaced on ESLint's stdin only.
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CORE_FILE = fileURLToPath(new URL('../../core/src/cache/cache-keys.ts', import.meta.url));
const AGENTS_MANIFEST = fileURLToPath(new URL('../../agents/package.json', import.meta.url));
const BIN = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

// ESLint and Nx run as child processes, exactly as `npm run lint` runs them (not inside Jest's module system).
function lintErrors(file: string, text: string, rule: string): string[] {
  const run = spawnSync(BIN('eslint'), ['--stdin', '--stdin-filename', file, '--format', 'json'], {
    cwd: ROOT,
    input: text,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(run.stdout) as Array<{
    messages: Array<{ ruleId: string | null; message: string }>;
  }>;
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const boundaryErrors = (code: string) => lintErrors(CORE_FILE, code, '@nx/enforce-module-boundaries');

/** The agents package's manifest with its dependencies changed, linted by `@nx/dependency-checks`. */
function manifestErrors(change: (dependencies: Record<string, string>) => void): string[] {
  const manifest = JSON.parse(readFileSync(AGENTS_MANIFEST, 'utf8')) as {
    dependencies: Record<string, string>;
  };
  change(manifest.dependencies);
  return lintErrors(AGENTS_MANIFEST, JSON.stringify(manifest, null, 2), '@nx/dependency-checks');
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

describe("package manifests (ESLint, @nx/dependency-checks over the package's imports)", () => {
  beforeAll(() => {
    execFileSync(BIN('nx'), ['show', 'projects'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it('refuses a manifest that leaves out an SDK the code imports', () => {
    const errors = manifestErrors((deps) => delete deps['@mastra/core']);
    expect(errors).toEqual([expect.stringMatching(/missing from "dependencies":\s+- @mastra\/core/)]);
  }, 60_000);

  it('refuses a manifest that leaves out a workspace package the code imports', () => {
    const errors = manifestErrors((deps) => delete deps['@mcp-crew/core']);
    expect(errors).toEqual([expect.stringMatching(/missing from "dependencies":\s+- @mcp-crew\/core/)]);
  }, 60_000);

  it('refuses a dependency the code does not import', () => {
    const errors = manifestErrors((deps) => (deps['ioredis'] = '^6.0.0'));
    expect(errors).toEqual([expect.stringContaining('"ioredis" package is not used')]);
  }, 60_000);

  it('accepts the manifest as it is', () => {
    expect(manifestErrors(() => undefined)).toEqual([]);
  }, 60_000);
});
