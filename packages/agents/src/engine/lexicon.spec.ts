import { describe, expect, it } from '@jest/globals';
import { mentions } from './lexicon.js';

describe('mentions', () => {
  it('reads plurals and diminutives of topic words', () => {
    expect(mentions('¿tienen precios para mayoristas?', 'rules')).toBe(true);
    expect(mentions('¿me hacen un descuentico?', 'rules')).toBe(true);
  });

  it('does not read a verb as a person ("¿me asesoras?")', () => {
    expect(mentions('me asesoras? que pintura me sirve', 'human')).toBe(false);
    expect(mentions('quiero hablar con una asesora', 'human')).toBe(true);
  });
});
