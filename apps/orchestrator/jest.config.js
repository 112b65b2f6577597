import preset from '../../jest.preset.js';

// End-to-end suites start whole apps, fake servers and child processes in their hooks: a 5 s default is too
// tight for a 2-core CI runner under load (startups took 6-10 s there); a hang still fails, after 30 s.
export default { ...preset, displayName: 'orchestrator', rootDir: import.meta.dirname, testTimeout: 30_000 };
