export * from './odoo/odoo-api.js';
export * from './odoo/odoo-schema.js';
export * from './odoo/values.js';
export * from './write-audit.js';
export * from './tools/tool.js';
export * from './server.js';
export * from './defaults.js';
