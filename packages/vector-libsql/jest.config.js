import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'vector-libsql', rootDir: import.meta.dirname };
