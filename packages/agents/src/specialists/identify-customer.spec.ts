import { describe, expect, it } from '@jest/globals';
import { samePhone } from './identify-customer.js';

describe('samePhone (a fuzzy phone search confirmed before a conversation is tied to a customer)', () => {
  it('accepts the same line written with or without the country code and separators', () => {
    expect(samePhone('+573001234567', '300 123 4567')).toBe(true);
    expect(samePhone('+57 300-123-4567', '+573001234567')).toBe(true);
  });

  it("refuses another person's number that only shares the last seven digits", () => {
    expect(samePhone('+5511987654321', '+573017654321')).toBe(false);
    expect(samePhone('+573001234567', undefined)).toBe(false);
  });
});
