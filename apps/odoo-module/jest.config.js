import preset from '../../jest.preset.js';

// The Odoo module's checks that need no Odoo: Python syntax/manifest/XML/translations, the pure-Python
// helpers' unit tests, and the panel's pure JS helpers. The Odoo tests themselves: scripts/odoo-module-test.sh.
export default { ...preset, displayName: 'odoo-module', rootDir: import.meta.dirname };
