// Rewrites the README's configuration tables from the settings catalogs in @mcp-crew/config (after `npm run build`).
// packages/config/test/readme-settings.spec.ts fails when the README and the catalogs disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderSettingsIntoReadme } from '../packages/config/dist/index.js';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, renderSettingsIntoReadme(readFileSync(file, 'utf8')));
