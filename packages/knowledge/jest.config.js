import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'knowledge', rootDir: import.meta.dirname };
