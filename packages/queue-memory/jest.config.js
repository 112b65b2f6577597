import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'queue-memory', rootDir: import.meta.dirname };
