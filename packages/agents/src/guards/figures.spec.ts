import { describe, expect, it } from '@jest/globals';
import { checkFigures, collectFigures, mergeFigures, readNumber } from './figures.js';

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

  it('reads only number words as numbers, not the names an object inherits ("constructor")', () => {
    expect(checkFigures('Trabajamos con el maestro constructor de tu obra', [], '')).toEqual({ ok: true });
  });

  it("allows small counts and the customer's own numbers", () => {
    expect(checkFigures('Te anoto 2 galones y 3 rodillos', [], '')).toEqual({ ok: true });
    expect(checkFigures('¿Confirmas los 12 galones?', [], 'quiero 12 galones')).toEqual({ ok: true });
  });

  it('reads figures written in words, with "mil", and as percentages, small ones included', () => {
    expect(checkFigures('Son 9 mil pesos', [order], '')).toEqual({ ok: false, unknown: ['9 mil pesos'] });
    expect(checkFigures('Te sale en nueve mil pesos', [order], '')).toEqual({
      ok: false,
      unknown: ['nueve mil pesos'],
    });
    expect(checkFigures('El total es ciento diez mil', [order], '')).toEqual({
      ok: false,
      unknown: ['ciento diez mil'],
    });
    expect(checkFigures('Te doy un 5% de descuento', [order], '')).toEqual({ ok: false, unknown: ['5%'] });
    expect(checkFigures('te hago un 5 porciento, o el cinco pct', [order], '')).toEqual({
      ok: false,
      unknown: ['5 porciento', 'cinco pct'],
    });
    // Colombian slang: "lucas" are thousands of pesos; Lucas alone is a name.
    expect(checkFigures('El domicilio le sale en 9 lucas', [order], '')).toEqual({
      ok: false,
      unknown: ['9 lucas'],
    });
    expect(checkFigures('son nueve lucas', [order], '')).toEqual({ ok: false, unknown: ['nueve lucas'] });
    expect(checkFigures('El domicilio vale 9 lucas', ['Domicilio: $9.000'], '')).toEqual({ ok: true });
    expect(checkFigures('¡Hola Lucas! Con gusto te ayudo', [order], '')).toEqual({ ok: true });
    expect(checkFigures('tiene cinco por ciento de descuento', [order], '')).toEqual({
      ok: false,
      unknown: ['cinco por ciento'],
    });
    // The same figures, when a tool returned them, pass.
    const rules = 'Pago de contado: 5% de descuento. Domicilio: nueve mil pesos.';
    const priced = { amount_total: 110000, lines: [{ subtotal: 9000, discount: 10 }] };
    expect(
      checkFigures(
        'Son 9 mil pesos, 10% de descuento y 5% por pago de contado: ciento diez mil en total',
        [rules, priced],
        '',
      ),
    ).toEqual({ ok: true });
    expect(
      checkFigures('two hundred and eighty-six thousand one hundred ninety-five dollars', [order], ''),
    ).toEqual({ ok: true });
  });

  it('does not take words that only look like numbers for figures', () => {
    expect(checkFigures('¡Mil gracias! Una pregunta: ¿once you confirm, te lo envío?', [], '')).toEqual({
      ok: true,
    });
    expect(checkFigures('Te anoto dos galones y un rodillo', [], '')).toEqual({ ok: true });
  });

  it("accepts figures an earlier turn's tools returned", () => {
    const earlier = collectFigures([order, 'IVA 19%']);
    expect(checkFigures('¿Confirmo la S00012 por $286.195 con IVA del 19%?', [], 'sí', earlier)).toEqual({
      ok: true,
    });
    expect(checkFigures('¿Confirmo la S00012 por $286.195?', [], 'sí')).toEqual({
      ok: false,
      unknown: ['S00012', '$286.195'],
    });
  });

  it('keeps the newest figures of a conversation, each once', () => {
    const merged = mergeFigures(
      { numbers: [1, 2, 3], percents: [5], refs: ['S00001'] },
      {
        numbers: [3, 4],
        percents: [5],
        refs: ['S00002'],
      },
      3,
    );
    expect(merged).toEqual({ numbers: [2, 3, 4], percents: [5], refs: ['S00001', 'S00002'] });
  });

  it('reads numbers the way people write them', () => {
    expect(readNumber('$219.800')).toContain(219800);
    expect(readNumber('1.234,50')).toEqual([1234.5]);
    expect(readNumber('1,234.50')).toEqual([1234.5]);
    expect(readNumber('1.500')).toEqual([1500, 1.5]);
  });
});
