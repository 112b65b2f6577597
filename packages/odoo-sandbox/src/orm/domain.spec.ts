import { describe, expect, it } from '@jest/globals';
import { adminEnv } from '../test-support.js';
import { search } from './search.js';

const env = adminEnv();
const ids = (model: string, domain: unknown[], order = 'id') =>
  search(env, model, domain, { order }).map((r) => r.id);
const names = (domain: unknown[]) =>
  search(env, 'res.partner', domain, { order: 'id' }).map((r) => r['name']);

describe('domain evaluation', () => {
  it.each([
    [
      'implicit AND',
      [
        ['is_company', '=', true],
        ['customer_rank', '>', 2],
      ],
      [10, 15],
    ],
    ['| prefix', ['|', ['name', '=', 'Ana Gómez'], ['name', '=', 'Carlos Pérez']], [5, 6]],
    ['! prefix', ['!', ['id', '>', 3]], [1, 3]],
    [
      '& inside |',
      ['|', '&', ['is_company', '=', true], ['vat', '=like', '900%'], ['id', '=', 5]],
      [5, 10, 15],
    ],
    ['in', [['id', 'in', [3, 10, 999]]], [3, 10]],
    [
      'not in',
      [
        ['id', 'not in', [1, 3, 4]],
        ['id', '<=', 6],
      ],
      [5, 6],
    ],
    [
      '<= and >=',
      [
        ['id', '>=', 5],
        ['id', '<=', 7],
      ],
      [5, 6, 7],
    ],
    ['!= false means set', [['parent_id', '!=', false]], [16, 17, 18, 19]],
    ['= false means unset', [['email', '=', false]], []],
    ['child_of on ids', [['id', 'child_of', 10]], [10, 16, 17]],
    ['child_of through a many2one', [['parent_id', 'child_of', 15]], [18, 19]],
    ['dotted path', [['parent_id.name', 'ilike', 'sol']], [16, 17]],
    ['many2one compared with a name', [['parent_id', 'ilike', 'andinas']], [18, 19]],
    ['many2many contains', [['category_id', 'in', [1]]], [10]],
  ])('%s', (_title, domain, expected) => {
    expect(ids('res.partner', domain as unknown[])).toEqual(expected);
  });

  it('ilike is a case-insensitive substring with % and _ wildcards, and is not accent-insensitive', () => {
    expect(names([['name', 'ilike', 'gómez']])).toEqual(['Ana Gómez']);
    expect(names([['name', 'ilike', 'gomez']])).toEqual([]);
    expect(names([['name', 'ilike', 'ana%mez']])).toEqual(['Ana Gómez']);
    expect(names([['name', '=ilike', 'ana g_mez']])).toEqual(['Ana Gómez']);
    expect(names([['name', '=like', 'ana%']])).toEqual([]);
    expect(names([['name', 'like', 'Ana']])).toEqual(['Ana Gómez']);
  });

  it('not ilike keeps records whose value is unset (Odoo adds OR IS NULL)', () => {
    const all = ids('res.partner', []);
    const withSol = ids('res.partner', [['function', 'ilike', 'compras']]);
    expect(ids('res.partner', [['function', 'not ilike', 'compras']])).toEqual(
      all.filter((id) => !withSol.includes(id)),
    );
  });

  it('hides archived records unless the domain mentions active', () => {
    expect(ids('res.partner', [['id', '=', 2]])).toEqual([]);
    expect(ids('res.partner', [['active', '=', false]])).toEqual([2]);
  });

  it('searches computed fields (stock) and dates given as strings', () => {
    const outOfStock = search(env, 'product.product', [['qty_available', '=', 0]]).map(
      (r) => r['default_code'],
    );
    expect(outOfStock.sort()).toEqual(['BRO-1', 'ESM-VER-CT', 'IMP-BLA-CN', 'LAC-NEG-CT', 'VT1-AMA-GL']);
    expect(
      ids('sale.order', [
        ['date_order', '>=', '2026-01-06 00:00:00'],
        ['date_order', '<', '2026-01-08 00:00:00'],
      ]),
    ).toEqual([2, 3]);
  });

  it('orders by several keys and by many2one display name', () => {
    expect(
      search(env, 'res.partner', [['parent_id', '!=', false]], { order: 'parent_id desc, name asc' }).map(
        (r) => r.id,
      ),
    ).toEqual([17, 16, 19, 18]);
    expect(
      search(env, 'res.partner', [['id', 'in', [5, 6, 7]]], { order: 'name desc', limit: 2, offset: 1 }).map(
        (r) => r.id,
      ),
    ).toEqual([6, 5]);
  });

  it('rejects unknown fields and operators with ValueError', () => {
    expect(() => ids('res.partner', [['no_such_field', '=', 1]])).toThrow(
      "Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)",
    );
    expect(() => ids('res.partner', [['name', 'sounds like', 'x']])).toThrow('Invalid leaf');
  });
});
