import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'cache-memory', rootDir: import.meta.dirname };
