import { describe, expect, it } from '@jest/globals';
import { taxGroups } from './tax-groups.js';

describe('taxGroups (sale.order.tax_totals)', () => {
  it('reads Odoo 18 subtotals', () => {
    const totals = {
      subtotals: [
        {
          name: 'Untaxed Amount',
          tax_groups: [
            { group_name: 'IVA 19%', tax_amount_currency: 19000 },
            { group_name: 'ICO 8%', tax_amount_currency: 800 },
          ],
        },
      ],
    };
    expect(taxGroups(totals)).toEqual([
      { name: 'IVA 19%', amount: 19000 },
      { name: 'ICO 8%', amount: 800 },
    ]);
  });

  it('reads Odoo 16-17 groups_by_subtotal', () => {
    expect(
      taxGroups({
        groups_by_subtotal: { 'Untaxed Amount': [{ tax_group_name: 'Tax 15%', tax_group_amount: 54.15 }] },
      }),
    ).toEqual([{ name: 'Tax 15%', amount: 54.15 }]);
  });

  it('gives none for an order without taxes or without the field', () => {
    expect(
      taxGroups({ subtotals: [{ name: 'Untaxed Amount', tax_groups: [] }], has_tax_groups: false }),
    ).toEqual([]);
    expect(taxGroups(undefined)).toEqual([]);
    expect(taxGroups(false)).toEqual([]);
  });
});
