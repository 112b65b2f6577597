import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readVocabularyFile } from '@mcp-crew/crews';
import type { TurnFacts } from '../turn/turn-facts.js';
import { detectIntent } from './detect-intent.js';
import { customerNameIn, parseItems } from './parse-items.js';

// The demo crews' words (product defects, using the products), as the specialist passes them in.
const words = await readVocabularyFile(
  resolve(import.meta.dirname, '../../../../crews/vocabulary/paint-shop.yaml'),
);
const base: TurnFacts = { language: 'es', business: 'Pinturas', greeting: '¡Hola!', contact: {}, words };
const withQuote: TurnFacts = { ...base, quotation: { id: 12, name: 'S00012' } };
const withPending: TurnFacts = {
  ...withQuote,
  pendingConfirmation: { tool: 'odoo_confirm_quotation', target: { orderId: 12 } },
};

describe('detectIntent (es / pt / en)', () => {
  it.each([
    ['Hola', base, 'greeting'],
    ['Olá, bom dia', base, 'greeting'],
    ['Hi!', base, 'greeting'],
    ['muchas gracias', base, 'thanks'],
    ['¿tienen esmalte blanco?', base, 'search'],
    ['¿Cuánto cuesta el vinilo tipo 1 blanco?', base, 'search'],
    ['vocês tem tinta esmalte branca?', base, 'search'],
    ['do you have white enamel?', base, 'search'],
    ['Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos', base, 'quote'],
    ['preciso de 2 galões de esmalte', base, 'quote'],
    ['I need 4 rollers', base, 'quote'],
    ['sí, confírmala', withPending, 'confirm'],
    ['sim', withPending, 'confirm'],
    ['yes', withPending, 'confirm'],
    ['sí', base, 'nothing_pending'],
    [
      'no, todavía no, lo pienso',
      { ...base, pendingConfirmation: { tool: 'odoo_confirm_quotation' as const, target: { orderId: 5 } } },
      'later',
    ],
    ['chao, que estén bien', base, 'bye'],
    ['👍', base, 'thanks'],
    ['ESTO ES UNA FALTA DE RESPETO!!! nadie responde', base, 'angry'],
    ['¿cómo va mi pedido?', base, 'status'],
    ['qual o status do pedido S00012?', base, 'status'],
    ['where is my order?', base, 'status'],
    ['¿cuál es el horario de atención?', base, 'rules'],
    ['vocês fazem entrega?', base, 'rules'],
    ['what payment methods do you accept?', base, 'rules'],
    ['quiero agendar una visita técnica', base, 'booking'],
    ['la pintura del muro se está descascarando', base, 'support'],
    ['¿qué garantía tienen?', base, 'support'],
    ['mi pedido llegó dañado', base, 'support'],
    ['¿hacen domicilios a Envigado? ¿cuánto cuesta?', base, 'rules'],
    ['¿tienen descuentos por volumen?', base, 'rules'],
    ['¿a qué hora abren los sábados?', base, 'rules'],
    ['quiero hablar con una persona', base, 'human'],
    ['quero falar com um atendente', base, 'human'],
    ['can I talk to a person?', base, 'human'],
    ['el clima está raro hoy', base, 'unknown'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });

  it('adds to the working quotation when the customer says so', () => {
    expect(detectIntent('agrégale 1 brocha de 2 pulgadas', withQuote)).toMatchObject({
      kind: 'quote',
      mode: 'add',
    });
    expect(detectIntent('agrégale 1 brocha de 2 pulgadas', base)).toMatchObject({
      kind: 'quote',
      mode: 'create',
    });
  });
});

describe('parseItems and customerNameIn', () => {
  it('reads quantities, packaging and product words', () => {
    expect(parseItems('Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos')).toEqual([
      { quantity: 2, unit: 'galon', words: ['esmalte', 'blanco'], said: '2 galones de esmalte blanco' },
      { quantity: 3, unit: undefined, words: ['rodillo'], said: '3 rodillos' },
    ]);
    expect(parseItems('dos cuñetes de vinilo blanco')).toMatchObject([
      { quantity: 2, unit: 'cunete', words: ['vinilo', 'blanco'] },
    ]);
  });

  it('finds the name a customer gives', () => {
    expect(customerNameIn('Hola, soy Ana Gómez, necesito 2 galones')).toBe('Ana Gómez');
    expect(customerNameIn('Olá, me chamo Carlos Pérez')).toBe('Carlos Pérez');
    expect(customerNameIn("Hi, I'm María Fernanda López")).toBe('María Fernanda López');
    expect(customerNameIn('necesito pintura')).toBeUndefined();
  });
});
