import { describe, expect, it } from '@jest/globals';
import { shiftOdooDatetime } from './odoo-datetime.js';
import { isSellable, productSource, productToChunk } from './product-chunk.js';

describe('productToChunk', () => {
  it('builds one titled chunk from the product fields, with its Odoo id and reference', () => {
    const chunk = productToChunk(
      {
        id: 16,
        name: 'Esmalte Sintético Blanco Galón',
        default_code: 'ESM-BLA-GL',
        barcode: '7700071000161',
        description_sale: 'Esmalte brillante para metal y madera.',
        categ_id: [2, 'Todos / Pinturas'],
        lst_price: 89900,
        write_date: '2026-01-05 12:00:00',
      },
      'es',
    );
    expect(chunk).toEqual({
      title: 'Esmalte Sintético Blanco Galón',
      odooProductId: 16,
      defaultCode: 'ESM-BLA-GL',
      text: 'Esmalte Sintético Blanco Galón\nReferencia: ESM-BLA-GL\nCódigo de barras: 7700071000161\nCategoría: Todos / Pinturas\nEsmalte brillante para metal y madera.',
      metadata: { category: 'Todos / Pinturas', barcode: '7700071000161', list_price: 89900 },
    });
    // The price is metadata only: the text (what agents read and what is embedded) never carries it.
    expect(chunk.text).not.toContain('89900');
  });

  it('skips the fields Odoo sends as false and labels in the tenant language', () => {
    const chunk = productToChunk(
      {
        id: 7,
        name: 'Brocha 2"',
        default_code: false,
        barcode: false,
        description_sale: false,
        categ_id: false,
      },
      'pt',
    );
    expect(chunk).toEqual({ title: 'Brocha 2"', odooProductId: 7, text: 'Brocha 2"', metadata: {} });
    expect(productToChunk({ id: 7, name: 'Brush', default_code: 'BR-2' }, 'en').text).toBe(
      'Brush\nReference: BR-2',
    );
  });

  it('knows which products belong in the collection and names their source', () => {
    expect(isSellable({ active: true, sale_ok: true })).toBe(true);
    expect(isSellable({ active: false, sale_ok: true })).toBe(false);
    expect(isSellable({ active: true, sale_ok: false })).toBe(false);
    expect(productSource(42)).toBe('odoo:product.product/42');
  });

  it('moves Odoo datetimes by seconds, across midnight', () => {
    expect(shiftOdooDatetime('2026-01-05 00:00:30', -60)).toBe('2026-01-04 23:59:30');
  });
});
