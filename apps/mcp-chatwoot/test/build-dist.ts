import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The workspaces the app loads at run time (their `dist/`, through the packages' default export). */
const NEEDED = [
  'packages/core',
  'packages/chatwoot-client',
  'packages/mcp-kit',
  'packages/mcp-chatwoot',
  'apps/mcp-chatwoot',
];

/**
 * Transpiles just what the spawned app needs, the way scripts/build.mjs does, but without wiping other
 * packages' dist/ (other suites may be running). Takes a few seconds.
 */
export async function buildAppDist(): Promise<string> {
  const swc = `${root}node_modules/@swc/cli/bin/swc.js`;
  await Promise.all(
    NEEDED.map(
      (dir) =>
        new Promise<void>((resolve, reject) => {
          const args = [
            swc,
            'src',
            '-d',
            'dist',
            '--strip-leading-paths',
            '--quiet',
            '--config-file',
            `${root}.swcrc`,
            '--ignore',
            '**/*.spec.ts',
          ];
          const child = spawn(process.execPath, args, { cwd: `${root}${dir}`, stdio: 'inherit' });
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`swc failed in ${dir} (exit ${code})`)),
          );
        }),
    ),
  );
  return `${root}apps/mcp-chatwoot/dist/main.js`;
}
