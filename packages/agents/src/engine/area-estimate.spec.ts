import { describe, expect, it } from '@jest/globals';
import { areaIn, estimateFromArea } from './area-estimate.js';

const COVERAGE = [
  '# Cuánta pintura necesito',
  '- Vinilo Tipo 1: 35 a 40 m² por galón a dos manos.',
  '- Vinilo Tipo 2: 25 a 30 m² por galón.',
  '- Impermeabilizante para Techos: 4 m² por galón a tres manos.',
].join('\n');

describe('estimateFromArea (gallons for an area, from the coverage the knowledge states)', () => {
  it('reads the area as customers write it', () => {
    expect(areaIn('una pieza de 40 m2 a dos manos')).toEqual({ value: 40, said: '40 m²' });
    expect(areaIn('about 25 square meters')?.value).toBe(25);
    expect(areaIn('una pared de 3 x 2,5 metros')).toEqual({ value: 7.5, said: '3 x 2,5 m' });
    expect(areaIn('necesito 2 galones')).toBeUndefined();
  });

  it('rounds up on the low coverage of the product named, and says large amounts in buckets', () => {
    expect(estimateFromArea('cuanto vinilo tipo 1 necesito para 40 m2?', COVERAGE, 'es')).toBe(
      'Para 40 m² de Vinilo Tipo 1 a dos manos (rinde 35 a 40 m² por galón) necesitas unos 2 galones.',
    );
    expect(estimateFromArea('how much latex type 2 for 130 square meters?', COVERAGE, 'en')).toBe(
      'For 130 m² of Vinilo Tipo 2 (it covers 25 to 30 m² per gallon) you need about 1 bucket (cuñete) and 1 gallon.',
    );
    expect(estimateFromArea('impermeabilizante para un techo de 80 m2', COVERAGE, 'es')).toContain(
      '4 cuñetes',
    );
    expect(estimateFromArea('vinilo tipo 1 para 3000 m2', COVERAGE, 'es')).toContain('un asesor');
  });

  it('estimates nothing for a product the knowledge gives no coverage for', () => {
    expect(estimateFromArea('cuanta laca para 10 m2', COVERAGE, 'es')).toBeUndefined();
  });
});
