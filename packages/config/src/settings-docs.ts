import type { Catalog } from './env/fields.js';
import { renderSettingsTable } from './env/render-table.js';
import { chatwootMcpCatalog, mongoMcpCatalog, odooMcpCatalog } from './mcp-settings.js';
import { settingsCatalog } from './settings.js';

/** Each catalog and the README marker its table sits between (`<!-- settings:NAME -->` … `<!-- /settings:NAME -->`). */
export const SETTINGS_TABLES: Record<string, Catalog> = {
  main: settingsCatalog,
  'mcp-odoo': odooMcpCatalog,
  'mcp-chatwoot': chatwootMcpCatalog,
  'mcp-mongodb': mongoMcpCatalog,
};

/** `readme` with every marked table replaced by the one rendered from its catalog. */
export function renderSettingsIntoReadme(readme: string): string {
  let out = readme;
  for (const [name, catalog] of Object.entries(SETTINGS_TABLES)) {
    const start = `<!-- settings:${name} -->`;
    const end = `<!-- /settings:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} section`);
    out = `${out.slice(0, from + start.length)}\n${renderSettingsTable(catalog)}\n${out.slice(to)}`;
  }
  return out;
}
