import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'mcp-mongodb', rootDir: import.meta.dirname };
