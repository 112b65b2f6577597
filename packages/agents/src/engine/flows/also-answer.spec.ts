import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readVocabularyFile } from '@mcp-crew/crews';
import type { TurnFacts } from '../../turn/turn-facts.js';
import { detectIntent } from '../detect-intent.js';
import { handoff, say, type FlowInput, type StepOutput } from '../step.js';
import { answerAll, extraParts, type ExtraPart } from './also-answer.js';

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

describe('answerAll: a part another specialist serves', () => {
  const input: FlowInput = {
    language: 'es',
    view: { text: '', earlier: [], results: [], tools: new Set(['handoff_to_human']) },
  };
  const outOfScope = handoff(input.view, 'out_of_scope', 'This needs the tool odoo_search_products.');
  const quote: ExtraPart = {
    intent: { kind: 'quote', items: [], mode: 'create' },
    text: 'necesito 2 galones de vinilo',
  };
  const visit: ExtraPart = {
    intent: { kind: 'booking' } as ExtraPart['intent'],
    text: 'agendar una visita el jueves',
  };
  const textOf = (out: StepOutput) => out.map((c) => (c.type === 'text' ? c.text : '')).join('');

  it('answers the parts it serves and says how to ask the main one, instead of paging a person', () => {
    const out = answerAll(input, outOfScope, [visit], () => say('Tengo libre el jueves a las 08:00.'), quote);
    expect(out.some((c) => c.type === 'tool-call')).toBe(false);
    expect(textOf(out)).toBe(
      'Tengo libre el jueves a las 08:00.\n\nSobre «necesito 2 galones de vinilo»: escríbemelo en un mensaje aparte y te ayudo enseguida.',
    );
  });

  it('says how to ask a part it cannot serve after its own answer', () => {
    const out = answerAll(input, say('Te preparé la cotización.'), [visit], () => outOfScope, quote);
    expect(textOf(out)).toContain('Sobre la visita: escríbeme «quiero agendar una visita»');
  });

  it('still hands over when no part is its own', () => {
    expect(answerAll(input, outOfScope, [visit], () => outOfScope, quote)).toBe(outOfScope);
  });
});
