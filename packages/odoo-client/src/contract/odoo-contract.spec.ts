import { describe, it } from '@jest/globals';
import { OdooClient } from '../odoo-client.js';
import type { OdooProtocol } from '../config.js';
import { describeOdooContract } from './odoo-contract.js';

// Runs the contract against a real Odoo only when it is configured; otherwise says so.
const { ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY } = process.env;
const configured = Boolean(ODOO_URL && ODOO_DB && ODOO_USER && ODOO_API_KEY);

if (configured) {
  const protocols: OdooProtocol[] = ['jsonrpc', 'xmlrpc'];
  for (const protocol of protocols) {
    describeOdooContract(
      `real Odoo over ${protocol}`,
      (overrides = {}) =>
        new OdooClient({
          url: ODOO_URL!,
          db: ODOO_DB!,
          user: ODOO_USER!,
          apiKey: overrides.apiKey ?? ODOO_API_KEY!,
          protocol,
        }),
    );
  }
  describeOdooContract(
    'real Odoo, protocol auto-detected',
    (overrides = {}) =>
      new OdooClient({
        url: ODOO_URL!,
        db: ODOO_DB!,
        user: ODOO_USER!,
        apiKey: overrides.apiKey ?? ODOO_API_KEY!,
        protocol: 'auto',
      }),
  );
} else {
  describe('Odoo contract: real Odoo', () => {
    it.skip('skipped: set ODOO_URL, ODOO_DB, ODOO_USER and ODOO_API_KEY to run against a real Odoo', () => {});
  });
}
