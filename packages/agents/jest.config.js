import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'agents', rootDir: import.meta.dirname };
