import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readVocabularyFile } from '@mcp-crew/crews';
import type { TurnFacts } from '../../turn/turn-facts.js';
import { detectIntent } from '../detect-intent.js';
import { extraParts } from './also-answer.js';

// The demo crews' words (product defects, using the products), as the specialist passes them in.
const words = await readVocabularyFile(
  resolve(import.meta.dirname, '../../../../../crews/vocabulary/paint-shop.yaml'),
);
const facts: TurnFacts = { language: 'es', business: 'Pinturas', greeting: '¡Hola!', contact: {}, words };

const kinds = (text: string) => {
  const primary = detectIntent(text, facts);
  return [primary.kind, ...extraParts(text, primary, facts).extras.map((p) => p.intent.kind)];
};

describe('extraParts: every request of a message', () => {
  it.each([
    ['necesito 2 galones de vinilo tipo 1 blanco, y hacen domicilio a itagui?', ['quote', 'rules']],
    ['cotízame 3 rodillos de felpa. reciben nequi?', ['quote', 'rules']],
    ['cuanto vale el thinner galon y a que hora cierran hoy?', ['rules', 'search']],
    ['necesito 2 brochas de 4 pulgadas, y tienen laca negra en cuarto?', ['quote', 'search']],
    ['me salio moho en la pared, que hago? y necesito 1 galon de sellador acrilico', ['support', 'quote']],
    ['necesito 2 galones de esmalte blanco y 3 rodillos', ['quote']],
    ['sí, confírmala', ['nothing_pending']],
  ])('%s → %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('searches the knowledge with the question alone, not the order beside it', () => {
    const text = 'cuanto vale el thinner galon y a que hora cierran hoy?';
    expect(extraParts(text, detectIntent(text, facts), facts).own).toBe('a que hora cierran hoy');
  });
});
