import { describe, expect, it } from '@jest/globals';
import { namesAll, rankProducts, type FoundProduct } from './rank-products.js';

const product = (id: number, name: string): FoundProduct => ({ id, name, price: 1, stock_tracked: false });
const VINYL = [
  product(1, '[VT1-BLA-CT] Vinilo Tipo 1 Blanco 1/4 de galón'),
  product(2, '[VT1-BLA-GL] Vinilo Tipo 1 Blanco Galón'),
  product(3, '[VT1-BLA-CN] Vinilo Tipo 1 Blanco Cuñete 5 galones'),
];
const words = ['vinilo', 'tipo', '1', 'blanco'];

describe('rankProducts with a size said loosely', () => {
  it('"las grandes" is the largest packaging the product comes in, "las pequeñas" the smallest', () => {
    expect(rankProducts(VINYL, { words, quantity: 2, size: 'largest' })[0]?.id).toBe(3);
    expect(rankProducts(VINYL, { words, quantity: 2, size: 'smallest' })[0]?.id).toBe(1);
  });

  it('a named unit wins over the size word', () => {
    expect(rankProducts(VINYL, { words, quantity: 2, unit: 'galon' })[0]?.id).toBe(2);
  });
});

describe('namesAll and colours', () => {
  it('a colour asked of a product sold in one unnamed colour does not rule it out', () => {
    const primer = product(32, '[IMP-MUR-GL] Imprimante para Muros Galón');
    expect(namesAll(primer, ['imprimante', 'blanco'])).toBe(true);
    expect(namesAll(VINYL[1]!, ['vinilo', 'rojo'])).toBe(false);
  });
});

describe('namesAll: where a product goes', () => {
  it('"exterior waterproofing" names the roof waterproofing (names do not say where)', () => {
    const roof = product(26, '[IMP-BLA-GL] Impermeabilizante para Techos Blanco Galón');
    expect(namesAll(roof, ['impermeabilizante', 'exterior'])).toBe(true);
  });
});
