import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'odoo-client', rootDir: import.meta.dirname };
