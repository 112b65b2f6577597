import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'docstore-mongodb', rootDir: import.meta.dirname };
