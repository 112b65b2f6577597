import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'vector-qdrant', rootDir: import.meta.dirname };
