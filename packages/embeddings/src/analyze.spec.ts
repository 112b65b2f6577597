import { describe, expect, it } from '@jest/globals';
import { analyze, foldText, stem } from './analyze.js';

describe('analyze', () => {
  it('folds accents and case', () => {
    expect(foldText('Galón BLANCO, ¿Esmalte?')).toBe('galon blanco esmalte');
    expect(foldText('Ação Niño')).toBe('acao nino');
  });

  it('meets plural and gender variants on one stem', () => {
    expect(stem('galones')).toBe(stem('galon'));
    expect(stem('blancas')).toBe(stem('blanco'));
    expect(stem('pinturas')).toBe(stem('pintura'));
    expect(stem('barnices')).toBe(stem('barniz'));
    expect(stem('paredes')).toBe(stem('pared'));
  });

  it('keeps short words and codes intact and drops stop words', () => {
    expect(analyze('Hola, quiero una base para la pared 1/4')).toEqual(['base', stem('pared'), '1', '4']);
  });
});
