import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'app-mcp-chatwoot', rootDir: import.meta.dirname };
