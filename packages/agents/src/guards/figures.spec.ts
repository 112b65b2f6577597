import { describe, expect, it } from '@jest/globals';
import { checkFigures, readNumber } from './figures.js';

describe('checkFigures', () => {
  const order = {
    name: 'S00012',
    amount_total: 286195,
    amount_untaxed: 240500,
    lines: [{ subtotal: 219800 }],
  };

  it('accepts figures that come from tool results, in Colombian or English format', () => {
    expect(checkFigures('Cotización *S00012*: total $286.195 (antes de IVA $240.500)', [order], '')).toEqual({
      ok: true,
    });
    expect(checkFigures('Quotation S00012, total $286,195', [order], '')).toEqual({ ok: true });
  });

  it('refuses an invented price, total or order reference', () => {
    expect(checkFigures('El total es $250.000', [order], '')).toEqual({ ok: false, unknown: ['$250.000'] });
    expect(checkFigures('Tu pedido S00099 va en camino', [order], '')).toEqual({
      ok: false,
      unknown: ['S00099'],
    });
    expect(checkFigures('Tenemos 45 galones', [order], '')).toEqual({ ok: false, unknown: ['45'] });
  });

  it("allows small counts and the customer's own numbers", () => {
    expect(checkFigures('Te anoto 2 galones y 3 rodillos', [], '')).toEqual({ ok: true });
    expect(checkFigures('¿Confirmas los 12 galones?', [], 'quiero 12 galones')).toEqual({ ok: true });
  });

  it('reads numbers the way people write them', () => {
    expect(readNumber('$219.800')).toContain(219800);
    expect(readNumber('1.234,50')).toEqual([1234.5]);
    expect(readNumber('1,234.50')).toEqual([1234.5]);
    expect(readNumber('1.500')).toEqual([1500, 1.5]);
  });
});
