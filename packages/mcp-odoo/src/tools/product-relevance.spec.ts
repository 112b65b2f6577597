import { describe, expect, it } from '@jest/globals';
import { nameRelevance, rankByName } from './product-relevance.js';

const row = (id: number, name: string, default_code?: string) => ({
  id,
  name,
  display_name: default_code ? `[${default_code}] ${name}` : name,
  default_code,
});

describe('product search relevance', () => {
  it('puts the exact name first, then names starting with the query, then names with all its words', () => {
    const rows = [
      row(1, 'Chair floor protection'),
      row(2, 'Office Chair Black', 'FURN_0269'),
      row(3, 'Office Chair', 'FURN_7777'),
      row(4, 'Chair for the Office Desk'),
    ];
    expect(rankByName(rows, 'Office Chair').map((r) => r.id)).toEqual([3, 2, 4, 1]);
  });

  it('ignores case, accents and the [CODE] prefix, and treats the internal reference as exact', () => {
    expect(
      nameRelevance(row(1, 'Vinilo Tipo 1 Blanco Galón', 'VT1-BLA-GL'), 'vinilo tipo 1 blanco galon'),
    ).toBe(0);
    expect(nameRelevance(row(1, 'Vinilo Tipo 1 Blanco Galón', 'VT1-BLA-GL'), 'vt1-bla-gl')).toBe(0);
    expect(nameRelevance(row(1, 'Brocha 3"'), 'rodillo')).toBe(3);
  });

  it('keeps Odoo order within a tier', () => {
    const rows = [row(5, 'Desk Lamp'), row(6, 'Desk Combination'), row(7, 'Desk Organizer')];
    expect(rankByName(rows, 'desk').map((r) => r.id)).toEqual([5, 6, 7]);
  });
});
