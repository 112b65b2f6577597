import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'cache-redis', rootDir: import.meta.dirname };
