import { describe, expect, it } from '@jest/globals';
import { searchWords } from './search-flow.js';

describe('searchWords (what a price or stock question names)', () => {
  it('drops a quantity but keeps a number that sizes or names the product', () => {
    expect(searchWords('¿tienen 20 galones de esmalte?')).toEqual(['esmalte']);
    expect(searchWords("what's the price of the 3 inch paint brush?")).toContain('3');
    expect(searchWords('precio del vinilo tipo 1 blanco')).toContain('1');
  });

  it('reads every packaging word of the item parser as packaging', () => {
    expect(searchWords('que precio tiene la cubeta de imprimante?')).toEqual(['imprimante']);
  });
});

describe('searchWords: English filler', () => {
  it('"got any grey anti-rust paint in stock?" names only the product', () => {
    expect(searchWords('got any grey anti-rust paint in stock?')).toEqual(['grey', 'anti', 'rust', 'paint']);
  });
});
