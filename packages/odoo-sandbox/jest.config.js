import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'odoo-sandbox', rootDir: import.meta.dirname };
