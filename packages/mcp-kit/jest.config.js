import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'mcp-kit', rootDir: import.meta.dirname };
