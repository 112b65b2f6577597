import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'mcp-chatwoot', rootDir: import.meta.dirname };
