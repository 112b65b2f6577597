import type { MetadataValue } from '@mcp-crew/core';

/** One piece of a source before embedding: what will become one point. */
export interface Chunk {
  text: string;
  title?: string;
  /** Fragment that names the chunk inside its source (`#uso`, `#VT1-BLA-GL`). */
  anchor?: string;
  odooProductId?: number;
  defaultCode?: string;
  metadata: Record<string, MetadataValue>;
}

/** URL-style fragment: folded, lowercase, dashes. */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const RESERVED = new Set([
  'id',
  'title',
  'name',
  'text',
  'description',
  'default_code',
  'defaultCode',
  'odoo_product_id',
  'odooProductId',
  'language',
]);

/**
 * Turns one structured record (a YAML entry, a CSV row, a JSONL line) into a chunk: `text` (or the
 * title, the description and every other field as "key: value") is what gets embedded; scalar fields
 * also become filterable metadata.
 */
export function recordToChunk(record: Record<string, unknown>): Chunk {
  const title = str(record['title']) ?? str(record['name']);
  const metadata: Record<string, MetadataValue> = {};
  const lines: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (RESERVED.has(key) || value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      metadata[key] = value;
      lines.push(`${key.replace(/_/g, ' ')}: ${value}`);
    } else if (Array.isArray(value)) {
      lines.push(`${key.replace(/_/g, ' ')}: ${value.map(String).join(', ')}`);
    }
  }
  const text =
    str(record['text']) ?? [title, str(record['description']), ...lines].filter(Boolean).join('\n');
  const chunk: Chunk = { text, metadata };
  if (title !== undefined) chunk.title = title;
  const id = str(record['id']);
  const code = str(record['default_code']) ?? str(record['defaultCode']);
  const odooId = Number(record['odoo_product_id'] ?? record['odooProductId']);
  if (code !== undefined) chunk.defaultCode = code;
  if (Number.isInteger(odooId) && odooId > 0) chunk.odooProductId = odooId;
  const anchor = id ?? code ?? (title !== undefined ? slug(title) : undefined);
  if (anchor !== undefined) chunk.anchor = anchor;
  return chunk;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
