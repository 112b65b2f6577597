import { existsSync, readdirSync } from 'node:fs';

// Every project has its own jest.config.js; `npm test` runs them all.
const projects = ['packages', 'apps'].flatMap((group) =>
  readdirSync(group)
    .map((name) => `${group}/${name}/jest.config.js`)
    .filter((file) => existsSync(file)),
);

export default {
  projects: projects.map((p) => `<rootDir>/${p}`),
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
};
