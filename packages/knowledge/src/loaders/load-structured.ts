import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { recordToChunk, type Chunk } from './chunk.js';

/** YAML: one entry (a mapping), a list of entries, or `{ entries: [...] }`. */
export function loadYaml(content: string): Chunk[] {
  const doc = parseYaml(content) as unknown;
  const entries = Array.isArray(doc)
    ? doc
    : isRecord(doc) && Array.isArray(doc['entries'])
      ? doc['entries']
      : doc
        ? [doc]
        : [];
  return entries
    .filter(isRecord)
    .map(recordToChunk)
    .filter((c) => c.text.trim() !== '');
}

/** CSV with a header row; one chunk per row. */
export function loadCsv(content: string): Chunk[] {
  const rows = parseCsv(content, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<
    string,
    string
  >[];
  return rows.map(recordToChunk).filter((c) => c.text.trim() !== '');
}

/** JSON Lines: one object per line; blank lines are skipped. */
export function loadJsonl(content: string): Chunk[] {
  return content
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown)
    .filter(isRecord)
    .map(recordToChunk)
    .filter((c) => c.text.trim() !== '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
