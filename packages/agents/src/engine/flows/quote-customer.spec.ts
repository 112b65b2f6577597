import { describe, expect, it } from '@jest/globals';
import { isOnlyAName } from '../parse-items.js';
import { sameContact } from './quote-customer.js';

describe('sameContact (a found customer holds the detail the customer typed)', () => {
  it('matches the same phone with or without the country code', () => {
    expect(sameContact('3187776655', undefined, '+57 318 777 6655')).toBe(true);
    expect(sameContact('+573187776655', undefined, '318 777 6655')).toBe(true);
  });

  it('does not take a fuzzy phone hit for the account (a Brazilian number, a Colombian landline)', () => {
    expect(sameContact('+5521977001122', undefined, '+57 605 660 1122')).toBe(false);
    expect(sameContact('+5511987654321', undefined, '+57 301 765 4321')).toBe(false);
  });

  it('matches e-mails whole, ignoring case', () => {
    expect(sameContact('Ana.Gomez@example.com', 'ana.gomez@example.com')).toBe(true);
    expect(sameContact('ana@example.com', 'ana.gomez@example.com')).toBe(false);
  });
});

describe('isOnlyAName', () => {
  it('is a name alone, answering "¿a nombre de quién?"', () => {
    expect(isOnlyAName('Sara Gil')).toBe(true);
    expect(isOnlyAName('quiero 2 galones')).toBe(false);
    expect(isOnlyAName('Sara')).toBe(false);
  });
});
