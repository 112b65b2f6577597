import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'redis-connection', rootDir: import.meta.dirname };
