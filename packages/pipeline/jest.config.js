import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'pipeline', rootDir: import.meta.dirname };
