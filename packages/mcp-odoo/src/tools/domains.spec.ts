import { customerDomain } from './customers.js';
import { productDomain } from './products.js';

describe('domains', () => {
  it('matches every product word in name, reference, barcode or description, for sellable products', () => {
    expect(productDomain('esmalte blanco')).toEqual([
      '&',
      '&',
      ['sale_ok', '=', true],
      '|',
      '|',
      '|',
      ['name', 'ilike', 'esmalte'],
      ['default_code', 'ilike', 'esmalte'],
      ['barcode', '=', 'esmalte'],
      ['description_sale', 'ilike', 'esmalte'],
      '|',
      '|',
      '|',
      ['name', 'ilike', 'blanco'],
      ['default_code', 'ilike', 'blanco'],
      ['barcode', '=', 'blanco'],
      ['description_sale', 'ilike', 'blanco'],
    ]);
  });

  it('finds customers by name words, e-mail, VAT or phone digits in order', () => {
    expect(customerDomain('Ana Gómez', ['phone'])).toEqual([
      '|',
      '|',
      '&',
      ['name', 'ilike', 'Ana'],
      ['name', 'ilike', 'Gómez'],
      ['email', 'ilike', 'Ana Gómez'],
      ['vat', 'ilike', 'AnaGómez'],
    ]);
    const byPhone = customerDomain('+57 310 555 1234', ['phone', 'mobile']);
    expect(byPhone).toContainEqual(['phone', '=ilike', '%5%5%5%1%2%3%4']);
    expect(byPhone).toContainEqual(['mobile', '=ilike', '%5%5%5%1%2%3%4']);
    expect(byPhone.filter((t) => t === '|')).toHaveLength(4);
  });
});
