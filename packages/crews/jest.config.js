import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'crews', rootDir: import.meta.dirname };
