import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT } from '@mcp-crew/testing';

// Nx runs each project's build, test, lint and typecheck as cached targets (tools/nx/crew-targets.js
// adds them, nx.json's targetDefaults give inputs, outputs and caching): check both, and Nx's own view.
const workspaces = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(REPO_ROOT, group))
    .filter((name) => existsSync(join(REPO_ROOT, group, name, 'src')))
    .map((name) => `${group}/${name}`),
);

describe('Nx targets', () => {
  it('gives every workspace with sources build, lint and typecheck, and test where it has Jest', async () => {
    const { createNodes } = (await import(join(REPO_ROOT, 'tools/nx/crew-targets.js'))) as {
      createNodes: [
        string,
        (
          files: string[],
          options: unknown,
          context: { workspaceRoot: string },
        ) => Array<
          [
            string,
            { projects: Record<string, { targets: Record<string, { options: { command: string } }> }> },
          ]
        >,
      ];
    };
    const results = createNodes[1](
      workspaces.map((w) => `${w}/package.json`),
      undefined,
      { workspaceRoot: REPO_ROOT },
    );
    expect(results.map(([file]) => file)).toEqual(workspaces.map((w) => `${w}/package.json`));
    for (const [, { projects }] of results) {
      const [root, { targets }] = Object.entries(projects)[0]!;
      const expected = [
        'build',
        'lint',
        'typecheck',
        ...(existsSync(join(REPO_ROOT, root, 'jest.config.js')) ? ['test'] : []),
      ];
      expect([root, Object.keys(targets).sort()]).toEqual([root, expected.sort()]);
      expect(targets['build']!.options.command).toBe(`node scripts/build.mjs ${root}`);
    }
  });

  it('caches every target on declared inputs, and builds into dist/', () => {
    const nx = JSON.parse(readFileSync(join(REPO_ROOT, 'nx.json'), 'utf8')) as {
      targetDefaults: Record<string, { cache?: boolean; inputs?: string[]; outputs?: string[] }>;
    };
    for (const target of ['build', 'test', 'lint', 'typecheck']) {
      expect([
        target,
        nx.targetDefaults[target]?.cache,
        (nx.targetDefaults[target]?.inputs ?? []).length > 0,
      ]).toEqual([target, true, true]);
    }
    expect(nx.targetDefaults['build']!.outputs).toEqual(['{projectRoot}/dist']);
  });

  it('is what Nx itself sees for a project', () => {
    const out = execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'project', '@mcp-crew/core', '--json'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
        encoding: 'utf8',
      },
    );
    const project = JSON.parse(out) as {
      targets: Record<string, { cache?: boolean; options?: { command?: string } }>;
    };
    expect(project.targets['test']).toMatchObject({
      cache: true,
      options: { command: expect.stringContaining('--config packages/core/jest.config.js') },
    });
    expect(project.targets['build']).toMatchObject({
      cache: true,
      options: { command: 'node scripts/build.mjs packages/core' },
    });
  }, 60_000);
});
