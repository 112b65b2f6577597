import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'queue-bullmq', rootDir: import.meta.dirname };
