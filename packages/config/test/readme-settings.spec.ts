import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSettingsIntoReadme, SETTINGS_TABLES } from '../src/index.js';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

describe("the README's configuration tables", () => {
  const readme = readFileSync(README, 'utf8');

  it('are exactly the ones rendered from the settings catalogs (npm run docs:settings rewrites them)', () => {
    expect(renderSettingsIntoReadme(readme)).toBe(readme);
  });

  it('document every variable with a default and an example', () => {
    for (const catalog of Object.values(SETTINGS_TABLES)) {
      for (const [name, spec] of Object.entries(catalog)) {
        expect({
          name,
          description: spec.description.length > 0,
          defaultText: spec.defaultText.length > 0,
          example: spec.example.length > 0,
        }).toEqual({ name, description: true, defaultText: true, example: true });
        expect(readme).toContain(`| \`${name}\` |`);
      }
    }
  });

  it('include the variables the issue found missing', () => {
    for (const name of [
      'ODOO_PROTOCOL',
      'ODOO_TIMEZONE',
      'MCP_TENANT_ID',
      'TENANT_STORE',
      'ODOO_API_RATE_LIMIT',
      'COPILOT_SYNC_BUDGET_MS',
    ]) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });
});
