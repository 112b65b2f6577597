import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The exchanges recorded from a real Odoo 18, kept in this package (see fixtures/odoo/README.md). */
export const ODOO_FIXTURE_DIR = fileURLToPath(new URL('../fixtures/odoo/18.0/', import.meta.url));

/** One recorded exchange with a real Odoo 18 (format in fixtures/odoo/README.md). */
export interface OdooFixture {
  file: string;
  case: string;
  protocol: 'xmlrpc' | 'jsonrpc';
  endpoint: string;
  request_body: string;
  response_status: number;
  response_content_type: string;
  response_body: string;
  notes: string;
}

/** Every recorded exchange in recording order. */
export function loadOdooFixtures(): OdooFixture[] {
  return readdirSync(ODOO_FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({
      file,
      ...(JSON.parse(readFileSync(`${ODOO_FIXTURE_DIR}${file}`, 'utf8')) as Omit<OdooFixture, 'file'>),
    }));
}
