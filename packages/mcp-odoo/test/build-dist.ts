import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function swc(dir: string): Promise<boolean> {
  const args = [`${root}node_modules/@swc/cli/bin/swc.js`, 'src', '-d', 'dist', '--strip-leading-paths', '--quiet', '--config-file', `${root}.swcrc`, '--ignore', '**/*.spec.ts'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/**
 * Transpiles every workspace the way scripts/build.mjs does, but without wiping any dist/ (other suites
 * may be running from them): `crew` loads the orchestrator, and with it most packages. A package that
 * does not build is reported, not fatal: the spawned CLI says if it needed it. Returns the CLI's main.js.
 */
export async function buildCliDist(): Promise<string> {
  const dirs = ['packages', 'apps'].flatMap((group) =>
    readdirSync(`${root}${group}`, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${root}${group}/${d.name}/src`))
      .map((d) => `${root}${group}/${d.name}`),
  );
  const results = await Promise.all(dirs.map(async (dir) => [dir, await swc(dir)] as const));
  const failed = results.filter(([, built]) => !built).map(([dir]) => dir.slice(root.length));
  if (failed.length) process.stderr.write(`[build-dist] could not transpile: ${failed.join(', ')}\n`);
  return `${root}apps/cli/dist/main.js`;
}
