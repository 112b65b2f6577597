import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'app-odoo-sandbox', rootDir: import.meta.dirname };
