import { describe, expect, it } from '@jest/globals';
import { LocalEmbedder } from './local-embedder.js';

const cos = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe('LocalEmbedder', () => {
  const embedder = new LocalEmbedder();

  it('is deterministic, L2-normalised and of the declared dimension', async () => {
    const [a, b] = await embedder.embed(['Esmalte blanco galón', 'Esmalte blanco galón']);
    expect(a).toHaveLength(512);
    expect(a).toEqual(b);
    expect(cos(a!, a!)).toBeCloseTo(1, 6);
    expect(embedder.id).toBe('local-hash-v1-512');
  });

  it('scores accent, plural and typo variants above unrelated text', () => {
    const doc = embedder.embedOne('Esmalte sintético blanco brillante, galón');
    const variant = embedder.embedOne('esmaltes blancos galones');
    const typo = embedder.embedOne('esmlate blamco galon');
    const other = embedder.embedOne('horario de atención los domingos');
    expect(cos(doc, variant)).toBeGreaterThan(0.4);
    expect(cos(doc, typo)).toBeGreaterThan(cos(doc, other) + 0.15);
  });

  it('returns a zero vector for text with no terms', () => {
    expect(embedder.embedOne('¿?').every((x) => x === 0)).toBe(true);
  });
});
