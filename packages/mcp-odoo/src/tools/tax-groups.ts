import { num } from '../odoo/values.js';

/** A tax line of an order as Odoo labels it on the quotation (its tax group's name, e.g. "IVA 19%", "Tax 15%"). */
export interface TaxGroup {
  name: string;
  amount: number;
}

/**
 * The tax groups of `sale.order.tax_totals`, the summary Odoo itself prints under a quotation. Odoo 18 lists
 * them under `subtotals[].tax_groups[]` (`group_name`, `tax_amount_currency`); Odoo 16–17 under
 * `groups_by_subtotal{}` (`tax_group_name`, `tax_group_amount`). Absent or unreadable: none, and callers
 * fall back to a generic "taxes" label rather than guessing a name.
 */
export function taxGroups(totals: unknown): TaxGroup[] {
  if (!totals || typeof totals !== 'object') return [];
  const t = totals as Record<string, unknown>;
  const found: TaxGroup[] = [];
  const add = (name: unknown, amount: unknown) => {
    if (typeof name === 'string' && name.trim() && !found.some((g) => g.name === name.trim()))
      found.push({ name: name.trim(), amount: num(amount) });
  };
  if (Array.isArray(t['subtotals'])) {
    for (const subtotal of t['subtotals'] as Array<Record<string, unknown>>) {
      for (const g of (Array.isArray(subtotal?.['tax_groups']) ? subtotal['tax_groups'] : []) as Array<
        Record<string, unknown>
      >)
        add(g['group_name'], g['tax_amount_currency'] ?? g['tax_amount']);
    }
  } else if (t['groups_by_subtotal'] && typeof t['groups_by_subtotal'] === 'object') {
    for (const groups of Object.values(t['groups_by_subtotal'] as Record<string, unknown>)) {
      for (const g of (Array.isArray(groups) ? groups : []) as Array<Record<string, unknown>>)
        add(g['tax_group_name'], g['tax_group_amount']);
    }
  }
  return found;
}
