import { describe, expect, it } from '@jest/globals';
import { catalogueWords } from './catalogue-words.js';
import { parseItems } from './parse-items.js';

const words = (text: string) => catalogueWords(parseItems(text)[0]!.words);

describe('catalogueWords (English and Portuguese product words in the catalogue’s Spanish)', () => {
  it('translates kinds and attributes, the kind first as a Spanish name has it', () => {
    expect(words('3 gallons of black enamel')).toEqual(['esmalte', 'negro']);
    expect(words('2 foam rollers')).toEqual(['rodillo', 'espuma']);
    expect(words('1 gallon of white masking tape')).toEqual(['cinta', 'blanco']);
    expect(words('2 galões de tinta vinílica tipo 1 branca')).toEqual(['vinilo', 'tipo', '1', 'blanco']);
  });

  it('leaves Spanish words as they are, and a request of generic words as it was said', () => {
    expect(words('2 galones de esmalte blanco')).toEqual(['esmalte', 'blanco']);
    expect(catalogueWords(['tinta'])).toEqual(['tinta']);
  });
});

describe('catalogueWords and misspellings', () => {
  it('respells a catalogue word written by ear', () => {
    expect(catalogueWords(['binilo', 'blanko', 'tipo', '1'])).toEqual(['vinilo', 'blanco', 'tipo', '1']);
  });
});

describe('catalogueWords: rollers in English', () => {
  it('"felt roller" is the Rodillo de Felpa', () => {
    expect(catalogueWords(['felt', 'roller'])).toEqual(['rodillo', 'felpa']);
  });
});

describe('catalogueWords: a flat roof', () => {
  it('"laje", "azotea", "terraza" are the roof of "Impermeabilizante para Techos"', () => {
    expect(words('1 galão de impermeabilizante pra laje')).toEqual(['impermeabilizante', 'techo']);
    expect(catalogueWords(['impermeabilizante', 'azotea'])).toEqual(['impermeabilizante', 'techo']);
    expect(catalogueWords(['impermeabilizante', 'terraza'])).toEqual(['impermeabilizante', 'techo']);
  });
});
