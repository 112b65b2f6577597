import { foldText, tokenize } from './fold-text.js';
import { editDistance, soundKey, stemKey } from './sound-key.js';

const key = (word: string) => stemKey(soundKey(foldText(word)));

describe('foldText / tokenize', () => {
  it('lowercases, strips accents and splits on anything but letters and digits', () => {
    expect(foldText('Cotización ÑAME cotação')).toBe('cotizacion name cotacao');
    expect(tokenize('¿Tienen el galón?  ¡2 por favor!')).toEqual([
      'tienen',
      'el',
      'galon',
      '2',
      'por',
      'favor',
    ]);
  });
});

describe('soundKey / stemKey', () => {
  it.each([
    ['precio', 'presio'],
    ['precios', 'precio'],
    ['cotización', 'cotisacion'],
    ['envío', 'embio'],
    ['envíos', 'envio'],
    ['agendar', 'ajendar'],
    ['galones', 'galón'],
    ['citas', 'cita'],
    ['horario', 'orario'],
    ['llamar', 'yamar'],
  ])('gives "%s" and "%s" the same key', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['precio', 'preciso'],
    ['cita', 'city'],
    ['pedido', 'perdido'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(key(a)).not.toBe(key(b));
  });
});

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions as one edit each', () => {
    expect(editDistance('garantia', 'garantia', 1)).toBe(0);
    expect(editDistance('garantia', 'garnatia', 1)).toBe(1);
    expect(editDistance('garantia', 'garanta', 1)).toBe(1);
    expect(editDistance('garantia', 'garrantia', 1)).toBe(1);
    expect(editDistance('garantia', 'guarantee', 1)).toBe(2);
  });
});
