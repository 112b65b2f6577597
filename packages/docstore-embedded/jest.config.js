import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'docstore-embedded', rootDir: import.meta.dirname };
