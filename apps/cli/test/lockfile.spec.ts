import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '@mcp-crew/testing';

// `npm ci` installs only what package-lock.json records, and refuses a lockfile out of step with the
// package.json files. A lockfile written on one platform can lack other platforms' optional native
// packages (@swc/core-darwin-arm64, ...), and then `npm ci` fails on those platforms (or in a Docker build
// on another architecture). These checks run here without installing anything.
interface LockEntry {
  version?: string;
  link?: boolean;
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};
const packages = lock.packages;

/** Where npm would find `name` for the package at `from` (its own node_modules, then each parent's). */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const i = base.lastIndexOf('/node_modules/');
    base = i >= 0 ? base.slice(0, i) : base.startsWith('node_modules/') ? '' : '';
  }
}

describe('package-lock.json', () => {
  it('records every optional dependency of every package, for every platform', () => {
    const missing = Object.entries(packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((dep) => !resolves(path, dep))
        .map((dep) => `${path || '(root)'} -> ${dep}`),
    );
    expect(missing).toEqual([]);
    // The native packages the toolchain needs on macOS and Linux, named so a regression reads plainly.
    for (const name of [
      '@swc/core-darwin-arm64',
      '@swc/core-darwin-x64',
      '@swc/core-linux-x64-gnu',
      '@swc/core-linux-arm64-gnu',
      '@swc/core-linux-x64-musl',
    ]) {
      expect([name, Boolean(packages[`node_modules/${name}`])]).toEqual([name, true]);
    }
  });

  it('is in step with every workspace and its dependencies', () => {
    const workspaces = ['packages', 'apps'].flatMap((group) =>
      readdirSync(join(REPO_ROOT, group))
        .filter((name) => existsSync(join(REPO_ROOT, group, name, 'package.json')))
        .map((name) => `${group}/${name}`),
    );
    for (const ws of ['', ...workspaces]) {
      const manifest = JSON.parse(readFileSync(join(REPO_ROOT, ws, 'package.json'), 'utf8')) as LockEntry & {
        name: string;
      };
      const entry = packages[ws];
      expect([ws || '(root)', Boolean(entry)]).toEqual([ws || '(root)', true]);
      for (const field of ['dependencies', 'devDependencies', 'optionalDependencies'] as const) {
        expect([ws || '(root)', field, entry?.[field] ?? {}]).toEqual([
          ws || '(root)',
          field,
          manifest[field] ?? {},
        ]);
      }
      if (ws) expect([ws, packages[`node_modules/${manifest.name}`]?.link]).toEqual([ws, true]);
    }
  });
});
