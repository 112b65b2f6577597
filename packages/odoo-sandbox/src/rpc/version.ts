/**
 * What `common.version` answers: the shape of Odoo 18's, with a version string that says "sandbox"
 * so nobody mistakes this server for a real Odoo.
 */
export const SANDBOX_VERSION = {
  server_version: '18.0-sandbox',
  server_version_info: [18, 0, 0, 'final', 0, 'sandbox'],
  server_serie: '18.0',
  protocol_version: 1,
};
