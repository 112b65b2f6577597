import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'embeddings', rootDir: import.meta.dirname };
