import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'tenant-store', rootDir: import.meta.dirname };
