import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'reliability', rootDir: import.meta.dirname };
