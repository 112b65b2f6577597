import type { Catalog } from './fields.js';

/** The README's table for a catalog: variable, default, example, meaning (the test keeps the README in step). */
export function renderSettingsTable(catalog: Catalog): string {
  const cell = (text: string) => (text === '' ? '' : text.replace(/\|/g, '\\|'));
  // Examples that already carry markdown (a command in backticks) are written as they are.
  const code = (text: string) => (text === '' || text.includes('`') ? text : `\`${text}\``);
  const rows = Object.entries(catalog).map(
    ([name, spec]) =>
      `| \`${name}\` | ${cell(spec.defaultText)} | ${code(cell(spec.example))} | ${cell(spec.description)} |`,
  );
  return ['| variable | default | example | meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
