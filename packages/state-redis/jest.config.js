import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'state-redis', rootDir: import.meta.dirname };
