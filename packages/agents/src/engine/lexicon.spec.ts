import { describe, expect, it } from '@jest/globals';
import { laughs, mentions } from './lexicon.js';

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

describe('laughs', () => {
  it.each(['jajaja bueno y tu de que equipo eres?', 'kkkkk valeu', 'haha ok', 'lol'])(
    '"%s" laughs',
    (text) => {
      expect(laughs(text)).toBe(true);
    },
  );

  it.each(['asdkjh qwe', 'ush no me entiende', 'jabón'])('"%s" does not', (text) => {
    expect(laughs(text)).toBe(false);
  });
});
