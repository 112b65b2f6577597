// Nx plugin: gives every workspace under packages/ and apps/ that has a src/ folder the same four cached
// targets (build, test, lint, typecheck), so a new package gets them without editing its package.json.
// Inputs, outputs and caching are in nx.json's targetDefaults.
// Written here because no Nx plugin runs this repository's toolchain as it is (swc per package, Jest in
// ESM mode with one config per project, one ESLint flat config, tsc per project).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Jest in ESM mode, as `npm test` runs it. */
const JEST = 'node --experimental-vm-modules node_modules/jest/bin/jest.js';

function targetsFor(root, workspaceRoot) {
  const targets = {
    build: {
      executor: 'nx:run-commands',
      options: { command: `node scripts/build.mjs ${root}` },
    },
    lint: {
      executor: 'nx:run-commands',
      options: { command: `eslint ${root}` },
    },
    typecheck: {
      executor: 'nx:run-commands',
      options: { command: `tsc -p ${root}/tsconfig.json --noEmit` },
    },
  };
  if (existsSync(join(workspaceRoot, root, 'jest.config.js'))) {
    targets.test = {
      executor: 'nx:run-commands',
      options: { command: `${JEST} --config ${root}/jest.config.js --passWithNoTests` },
    };
  }
  return targets;
}

/** @type {import('nx/src/project-graph/plugins/public-api').CreateNodes} */
export const createNodes = [
  '{packages,apps}/*/package.json',
  (files, _options, context) =>
    files
      .map((file) => [file, dirname(file)])
      .filter(([, root]) => existsSync(join(context.workspaceRoot, root, 'src')))
      .map(([file, root]) => [
        file,
        { projects: { [root]: { targets: targetsFor(root, context.workspaceRoot) } } },
      ]),
];
