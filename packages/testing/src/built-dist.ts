import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/testing/src/built-dist.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Whether every source of a workspace has a transpiled file at least as new. */
function isFresh(workspace: string): boolean {
  const src = join(workspace, 'src');
  return sources(src).every((file) => {
    const built = join(workspace, 'dist', file.slice(src.length + 1).replace(/\.ts$/, '.js'));
    return existsSync(built) && statSync(built).mtimeMs >= statSync(file).mtimeMs;
  });
}

function transpile(workspace: string): Promise<void> {
  const args = [
    join(REPO_ROOT, 'node_modules/@swc/cli/bin/swc.js'),
    'src',
    '-d',
    'dist',
    '--strip-leading-paths',
    '--quiet',
    '--config-file',
    join(REPO_ROOT, '.swcrc'),
    '--ignore',
    '**/*.spec.ts',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: workspace, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`swc failed in ${workspace} (exit ${code})`)),
    );
  });
}

/**
 * Makes sure the workspaces a spawned process loads have an up-to-date dist/ (tests that start the real
 * CLI or an app). Stale ones are transpiled the way scripts/build.mjs does, without wiping anything; fresh
 * ones are left alone, so under `npm test` (which builds first) no suite rewrites files another suite's
 * child process is reading. Default: every workspace.
 */
export async function ensureBuilt(workspaces?: readonly string[]): Promise<void> {
  const all =
    workspaces ??
    ['packages', 'apps'].flatMap((group) =>
      readdirSync(join(REPO_ROOT, group)).map((name) => `${group}/${name}`),
    );
  const dirs = all.map((w) => join(REPO_ROOT, w)).filter((dir) => existsSync(join(dir, 'src')));
  await Promise.all(dirs.filter((dir) => !isFresh(dir)).map(transpile));
}
