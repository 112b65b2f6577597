import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'evals', rootDir: import.meta.dirname };
