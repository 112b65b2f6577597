import type { Language, MetadataValue } from '@mcp-crew/core';
import type { Chunk } from '../loaders/chunk.js';

/** The `product.product` fields a product point is built from (plus what the sync itself needs). */
export const PRODUCT_SYNC_FIELDS = [
  'name',
  'default_code',
  'barcode',
  'description_sale',
  'categ_id',
  'lst_price',
  'sale_ok',
  'active',
  'write_date',
] as const;

export const PRODUCT_SOURCE_PREFIX = 'odoo:product.product/';

/** The source of a synced product's point: `odoo:product.product/42`. */
export function productSource(id: number): string {
  return `${PRODUCT_SOURCE_PREFIX}${id}`;
}

const LABELS: Record<Language, { code: string; barcode: string; category: string }> = {
  es: { code: 'Referencia', barcode: 'Código de barras', category: 'Categoría' },
  pt: { code: 'Referência', barcode: 'Código de barras', category: 'Categoria' },
  en: { code: 'Reference', barcode: 'Barcode', category: 'Category' },
};

/**
 * One point per product: name, internal reference, barcode, category and sales description in the
 * tenant's language. The list price rides along as metadata (`list_price`, shown by `crew search`, kept current
 * by Odoo's change events) but stays out of the text: agents quote live prices from Odoo through
 * `odooProductId` (pricelists, taxes), and stock is always read live.
 */
export function productToChunk(row: Record<string, unknown> & { id: number }, language: Language): Chunk {
  const labels = LABELS[language];
  const name = text(row['name']) ?? `#${row.id}`;
  const code = text(row['default_code']);
  const barcode = text(row['barcode']);
  // many2one reads as [id, "Todos / Pinturas"] (or false).
  const category = Array.isArray(row['categ_id']) ? text(row['categ_id'][1]) : undefined;
  const description = text(row['description_sale']);
  const lines = [
    name,
    code && `${labels.code}: ${code}`,
    barcode && `${labels.barcode}: ${barcode}`,
    category && `${labels.category}: ${category}`,
    description,
  ];
  const metadata: Record<string, MetadataValue> = {};
  if (category) metadata['category'] = category;
  if (barcode) metadata['barcode'] = barcode;
  if (typeof row['lst_price'] === 'number' && Number.isFinite(row['lst_price']))
    metadata['list_price'] = row['lst_price'];
  const chunk: Chunk = {
    text: lines.filter(Boolean).join('\n'),
    title: name,
    odooProductId: row.id,
    metadata,
  };
  if (code) chunk.defaultCode = code;
  return chunk;
}

/** Whether a product belongs in the collection: active and sellable. */
export function isSellable(row: Record<string, unknown>): boolean {
  return row['active'] !== false && row['sale_ok'] !== false;
}

// Odoo sends `false` for an empty char field.
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
