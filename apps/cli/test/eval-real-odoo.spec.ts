import { describe, expect, it } from '@jest/globals';
import { evalFolder } from './eval-support.js';

/**
 * The scenarios written against a real Odoo's standard demo data (evals/odoo-demo: Office Chair, Deco Addict…),
 * run through the demo tenant's crew pointed at that Odoo. Only with ODOO_URL (ODOO_DB, ODOO_USER, ODOO_API_KEY).
 */
const env = process.env;
const configured = !!env['ODOO_URL'] && !!env['ODOO_API_KEY'];
const FLOOR = 0;

(configured ? describe : describe.skip)(
  `crew eval: real Odoo demo data${configured ? '' : ' (skipped: set ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY to run)'}`,
  () => {
    it('runs every scenario against the real Odoo and reports the pass rate', async () => {
      const report = await evalFolder('evals/odoo-demo', {
        DEMO_ODOO_URL: env['ODOO_URL']!,
        DEMO_ODOO_DB: env['ODOO_DB'] ?? '',
        DEMO_ODOO_USER: env['ODOO_USER'] ?? '',
        DEMO_ODOO_API_KEY: env['ODOO_API_KEY']!,
      });
      expect(report.scenarios).toBeGreaterThan(0);
      expect(report.passK).toBeGreaterThanOrEqual(FLOOR);
    }, 600_000);
  },
);
