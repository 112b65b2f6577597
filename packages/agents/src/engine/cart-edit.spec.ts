import { describe, expect, it } from '@jest/globals';
import { looksLikeCartEdit, parseCartEdit, type CartLine } from './cart-edit.js';

const ENAMEL: CartLine = {
  line_id: 11,
  product_id: 16,
  product: '[ESM-BLA-GL] Esmalte Sintético Blanco Galón',
  quantity: 2,
};
const ROLLER: CartLine = {
  line_id: 12,
  product_id: 39,
  product: '[ROD-FEL-9] Rodillo de Felpa 9"',
  quantity: 3,
};
const BLUE: CartLine = {
  line_id: 13,
  product_id: 6,
  product: '[VT1-AZU-GL] Vinilo Tipo 1 Azul Galón',
  quantity: 2,
};

describe('cart edits of the working quotation', () => {
  it.each([
    ['quítale los rodillos porfa', [ENAMEL, ROLLER], { kind: 'remove', line: ROLLER }],
    [
      'saca la cinta',
      [ENAMEL, { ...ROLLER, product: '[CIN-2] Cinta de Enmascarar 2"' }],
      { kind: 'remove', line: expect.objectContaining({ line_id: 12 }) },
    ],
    ['mejor que sean 4', [ENAMEL], { kind: 'quantity', line: ENAMEL, quantity: 4 }],
    ['que sean tres mejor', [ENAMEL], { kind: 'quantity', line: ENAMEL, quantity: 3 }],
    ['los rodillos ponme 5 mejor', [ENAMEL, ROLLER], { kind: 'quantity', line: ROLLER, quantity: 5 }],
    ['súmale otro galón igual', [ENAMEL], { kind: 'quantity', line: ENAMEL, quantity: 3 }],
    [
      'no, no el esmalte, el vinilo tipo 1 blanco',
      [ENAMEL],
      { kind: 'replace', line: ENAMEL, words: ['vinilo', 'tipo', '1', 'blanco'], unit: 'galon' },
    ],
    [
      'mmm mejor en gris',
      [BLUE],
      { kind: 'replace', line: BLUE, words: ['vinilo', 'tipo', '1', 'gris'], unit: 'galon' },
    ],
  ])('"%s"', (text, lines, edit) => {
    expect(looksLikeCartEdit(text)).toBe(true);
    expect(parseCartEdit(text, lines)).toEqual(edit);
  });

  it('asks instead of guessing which of several lines a bare quantity is for', () => {
    expect(parseCartEdit('que sean 4', [ENAMEL, ROLLER])).toEqual({ kind: 'unclear' });
  });

  it('does not read questions and new requests as edits', () => {
    for (const text of ['cuánto vale el galón de vinilo?', 'a qué hora abren?', 'gracias'])
      expect(looksLikeCartEdit(text)).toBe(false);
  });
});

describe('cart edits with clitics and colour-only swaps', () => {
  const RUST: CartLine = {
    line_id: 14,
    product_id: 24,
    product: '[ANT-GRI-GL] Anticorrosivo Gris Galón',
    quantity: 1,
  };
  it('removes with "bórralo" and "siempre no quiero…"', () => {
    expect(parseCartEdit('siempre no quiero el anticorrosivo, bórralo', [RUST, ENAMEL])).toEqual({
      kind: 'remove',
      line: RUST,
    });
    expect(looksLikeCartEdit('sácamelos')).toBe(true);
  });

  it('swaps only the colour with "cambiámelo por el blanco"', () => {
    const black: CartLine = { ...ENAMEL, product: '[ESM-NEG-GL] Esmalte Sintético Negro Galón' };
    expect(parseCartEdit('mejor cambiámelo por el blanco', [black])).toEqual({
      kind: 'replace',
      line: black,
      words: ['esmalte', 'sintetico', 'blanco'],
      unit: 'galon',
    });
  });
});

describe('cart edits: chained lead words and the old quantity named', () => {
  it('"en vez de 2 mejor ponme 3" sets 3', () => {
    expect(parseCartEdit('en vez de 2 mejor ponme 3', [ENAMEL])).toEqual({
      kind: 'quantity',
      line: ENAMEL,
      quantity: 3,
    });
  });

  it('"quítame la bandeja" removes it', () => {
    const tray: CartLine = {
      line_id: 15,
      product_id: 41,
      product: '[BAN-ROD] Bandeja para Rodillo',
      quantity: 1,
    };
    expect(parseCartEdit('quítame la bandeja', [ROLLER, tray])).toEqual({ kind: 'remove', line: tray });
  });
});

describe('cart edits: more of a line, taking one out in English', () => {
  it('"ponle una más" adds one to the line; "dos más de esmalte" to the named one', () => {
    expect(parseCartEdit('ponle una mas', [ROLLER])).toEqual({ kind: 'quantity', line: ROLLER, quantity: 4 });
    expect(parseCartEdit('y dos más del esmalte', [ENAMEL, ROLLER])).toEqual({
      kind: 'quantity',
      line: ENAMEL,
      quantity: 4,
    });
  });

  it('"dos más de vinilo azul" with no such line is no change of the lines there', () => {
    expect(parseCartEdit('dos mas de vinilo azul', [ENAMEL])).not.toMatchObject({
      kind: 'quantity',
      quantity: 4,
    });
  });

  it('"actually take the tape out" removes the tape', () => {
    expect(looksLikeCartEdit('actually take the tape out')).toBe(true);
    expect(parseCartEdit('actually take the tape out', [ENAMEL, ROLLER])).toEqual({
      kind: 'remove-named',
      words: ['tape'],
    });
  });
});

describe('cart edits: a colour named with a change verb', () => {
  it.each(['troca pra verde', 'cámbialo a verde', 'make it green'])(
    '"%s" keeps the product, changes the colour',
    (text) => {
      expect(parseCartEdit(text, [BLUE])).toMatchObject({ kind: 'replace', line: BLUE, unit: 'galon' });
    },
  );
});

describe('cart edits: another type of the same product', () => {
  it('"no mejor el tipo 1" swaps the type, keeping colour, size and quantity', () => {
    const type2: CartLine = {
      line_id: 16,
      product_id: 30,
      product: '[VT2-BLA-GL] Vinilo Tipo 2 Blanco Galón',
      quantity: 2,
    };
    expect(parseCartEdit('no mejor el tipo 1', [type2])).toEqual({
      kind: 'replace',
      line: type2,
      words: ['vinilo', 'tipo', '1', 'blanco'],
      unit: 'galon',
    });
  });
});

describe('cart edits: colour swaps on a grey line', () => {
  it('"actually make it white instead" drops grey (which the word list spells "gri")', () => {
    const grey: CartLine = {
      line_id: 17,
      product_id: 8,
      product: '[VT1-GRI-GL] Vinilo Tipo 1 Gris Galón',
      quantity: 2,
    };
    expect(parseCartEdit('actually make it white instead', [grey])).toEqual({
      kind: 'replace',
      line: grey,
      words: ['vinilo', 'tipo', '1', 'white'],
      unit: 'galon',
    });
  });
});

describe('cart edits: fewer of a line', () => {
  it('"quítale uno" takes one off, and never empties the quotation by mistake', () => {
    expect(parseCartEdit('quitale uno', [ROLLER])).toEqual({ kind: 'quantity', line: ROLLER, quantity: 2 });
    expect(parseCartEdit('uno menos de rodillos', [ENAMEL, ROLLER])).toEqual({
      kind: 'quantity',
      line: ROLLER,
      quantity: 2,
    });
  });

  it('taking off as many as there are removes the line', () => {
    expect(parseCartEdit('quitale 3', [ROLLER])).toEqual({ kind: 'remove', line: ROLLER });
  });
});

describe('cart edits: an English swap', () => {
  const GREY_RUST: CartLine = {
    line_id: 14,
    product_id: 20,
    product: '[ANT-GRI-GL] Anticorrosivo Gris Galón',
    quantity: 3,
  };
  it('"swap that for the red oxide one" keeps the product and its size, with the other variant', () => {
    expect(looksLikeCartEdit('sorry, swap that for the red oxide one')).toBe(true);
    expect(parseCartEdit('sorry, swap that for the red oxide one', [GREY_RUST])).toEqual({
      kind: 'replace',
      line: GREY_RUST,
      words: ['anticorrosivo', 'red', 'oxide'],
      unit: 'galon',
    });
  });
  it('"replace the roller with a tray" names the new product', () => {
    expect(parseCartEdit('replace the roller with a tray', [ENAMEL, ROLLER])).toEqual({
      kind: 'replace',
      line: ROLLER,
      words: ['tray'],
      unit: undefined,
    });
  });
});
