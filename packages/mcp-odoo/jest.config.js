import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'mcp-odoo', rootDir: import.meta.dirname };
