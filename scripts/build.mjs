// Transpiles every workspace's src/ to dist/ with swc (no type check: `npm run typecheck` does that), or
// only the workspaces named on the command line (`node scripts/build.mjs packages/core`: Nx's build target).
// Each package builds on its own so the packages' "exports" point at their own dist/.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const swc = join(root, 'node_modules/@swc/cli/bin/swc.js');
const named = process.argv.slice(2).map((dir) => join(root, dir));
const dirs = named.length
  ? named
  : ['packages', 'apps'].flatMap((group) =>
      readdirSync(join(root, group), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(root, group, d.name, 'src')))
        .map((d) => join(root, group, d.name)),
    );

function build(dir) {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const args = [
    swc,
    'src',
    '-d',
    'dist',
    '--strip-leading-paths',
    '--quiet',
    '--config-file',
    join(root, '.swcrc'),
    '--ignore',
    '**/*.spec.ts',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: dir, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`swc failed in ${dir} (exit ${code})`)),
    );
  });
}

await Promise.all(dirs.map(build));
