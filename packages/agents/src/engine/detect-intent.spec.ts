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

describe('detectIntent on phrasings outside the demo set', () => {
  const withBookingOffer: TurnFacts = {
    ...base,
    pendingConfirmation: { tool: 'odoo_book_appointment', target: { start: '2026-12-03 08:00' } },
  };
  const withCancel: TurnFacts = {
    ...withQuote,
    pendingConfirmation: { tool: 'odoo_cancel_quotation', target: { orderId: 12 } },
  };
  it.each([
    ['me pasas con alguien de carne y hueso por favor', base, 'human'],
    ['quero falar com alguém da loja', base, 'human'],
    ['llevo 3 dias esperando y nadie me responde!!! estoy mamado', base, 'angry'],
    ['Necesito el certificado de retención en la fuente del año pasado', base, 'out_of_scope'],
    ['si les compro 10 galones me hacen algun descuentico?', base, 'rules'],
    ['Do you give any discount if I buy 20 gallons?', base, 'rules'],
    ['oye y que onda con mi cotizacion?', base, 'status'],
    ['che, ya salió el pedido S00002?', base, 'status'],
    ['necesito que vengan a medir la fachada, se puede el jueves?', base, 'booking'],
    ['me asesoras? que pintura me sirve para el baño', base, 'support'],
    ['compré un galón y vino todo cortado, quiero poner un reclamo', base, 'support'],
    ['súmale otro galón igual', withQuote, 'edit'],
    ['siempre no quiero el anticorrosivo, bórralo', withQuote, 'edit'],
    ['mejor cambiámelo por el blanco', withQuote, 'edit'],
    ['si dale, cancelala', withCancel, 'confirm'],
    // Waiting for a yes to the quotation, "cancélala" asks to cancel it instead (read back first).
    ['si dale, cancelala', withPending, 'cancel'],
    ['mejor a las 10 de la mañana', withBookingOffer, 'booking'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });

  it('adds to the working quotation with "súmale"', () => {
    expect(detectIntent('y sumale 3 bandejas para rodillo', withQuote)).toMatchObject({
      kind: 'quote',
      mode: 'add',
    });
  });

  it('opens a ticket for a complaint, not only for a named defect', () => {
    expect(detectIntent('quiero poner un reclamo por el pedido', base)).toEqual({
      kind: 'support',
      defect: true,
    });
  });
});

describe('parseItems on loose phrasings', () => {
  it('reads a misspelt unit and respells nothing else', () => {
    expect(parseItems('nesecito 2 galnes de binilo blanko tipo 1')).toEqual([
      expect.objectContaining({ quantity: 2, unit: 'galon', words: ['binilo', 'blanko', 'tipo', '1'] }),
    ]);
  });

  it('ends the item where its purpose starts, keeping names with "para"', () => {
    expect(
      parseItems('necesito 150 galones de vinilo tipo 1 blanco para pintar un conjunto')[0]?.words,
    ).toEqual(['vinilo', 'tipo', '1', 'blanco']);
    expect(parseItems('3 bandejas para rodillo')[0]?.words).toEqual(['bandeja', 'rodillo']);
  });

  it('takes the product named before the quantity ("del vinilo… quiero 2 de las grandes")', () => {
    expect(parseItems('del vinilo tipo 1 blanco quiero 2 de las grandes')).toEqual([
      expect.objectContaining({ quantity: 2, size: 'largest', words: ['vinilo', 'tipo', '1', 'blanco'] }),
    ]);
    // Not any words before a number: a phone after a name is no product.
    expect(parseItems('soy Daniela Cardona mi cel 3187776655')).toEqual([]);
  });

  it('does not read a past purchase as a request', () => {
    expect(parseItems('compré un galón de vinilo la semana pasada y vino cortado')).toEqual([]);
  });
});

describe('detectIntent: someone in charge, stock left, validity', () => {
  it.each([
    ['quiero hablar con el dueño del negocio', 'human'],
    ['can I speak to a manager please', 'human'],
    ['soy dueño de una ferretería, necesito 2 galones de vinilo tipo 1', 'quote'],
    ['les queda laca negra?', 'search'],
    ['por cuantos dias me respetan el precio de la cotizacion?', 'rules'],
  ])('"%s" → %s', (text, kind) => {
    expect(detectIntent(text, base).kind).toBe(kind);
  });

  it('"en vez de 2 mejor ponme 3" changes the working quotation', () => {
    expect(detectIntent('en vez de 2 mejor ponme 3', withQuote).kind).toBe('edit');
    expect(parseItems('en vez de 2 mejor ponme 3')).toEqual([]);
  });

  it('reads a name after an article ("sou a Beatriz Rocha")', () => {
    expect(customerNameIn('oi, sou a Beatriz Rocha (bia.rocha@example.com)')).toBe('Beatriz Rocha');
  });

  it('drops politeness words from the product ("porfis")', () => {
    expect(parseItems('me haces una cotizacioncita de 3 galones de esmalte blanco porfis')[0]?.words).toEqual(
      ['esmalte', 'blanco'],
    );
  });
});

describe('detectIntent: paying into an account', () => {
  it('"¿a qué cuenta les transfiero?" is a rules question', () => {
    expect(detectIntent('a que cuenta les transfiero?', base).kind).toBe('rules');
  });

  it('a roll is packaging, not the product ("2 rolls of 1 inch masking tape")', () => {
    expect(parseItems('2 rolls of 1 inch masking tape')[0]?.words).toEqual(['1', 'inch', 'masking', 'tape']);
  });
});

describe('detectIntent and parseItems: round four of outside phrasings', () => {
  it.each([
    ['si pido cuñetes me los suben a un cuarto piso?', 'rules'],
    ['que horas vocês fecham durante a semana?', 'rules'],
  ])('"%s" → %s', (text, kind) => {
    expect(detectIntent(text, base).kind).toBe(kind);
  });

  it('"media docena" is six, and a thank-you is no product word', () => {
    expect(parseItems('necesito media docena de brochas de 2 pulgadas')[0]).toMatchObject({ quantity: 6 });
    expect(parseItems('y 1 rodillo de felpa gracias')[0]?.words).toEqual(['rodillo', 'felpa']);
  });

  it('"troca pra verde" swaps the colour of the working quotation', () => {
    expect(detectIntent('troca pra verde', withQuote).kind).toBe('edit');
  });
});

describe('detectIntent: round five of outside phrasings', () => {
  it('the price of several units is a quotation, of one unit a price question', () => {
    expect(detectIntent('cuanto seria por 2 galones de anticorrosivo rojo oxido', base).kind).toBe('quote');
    expect(detectIntent('hi! how much for a gallon of white enamel?', base).kind).toBe('search');
  });

  it('"mejor mándame 3 del vinilo" changes the line spoken of', () => {
    expect(detectIntent('mejor mandame 3 del vinilo', withQuote).kind).toBe('edit');
    expect(parseItems('mejor mandame 3 del vinilo')[0]).toMatchObject({ definite: true, words: ['vinilo'] });
  });

  it('ends the item at its purpose in English and Portuguese', () => {
    expect(parseItems('I need two gallons of black enamel for my fence')[0]?.words).toEqual([
      'black',
      'enamel',
    ]);
    expect(parseItems('quero 2 galões de esmalte branco pra minha porta')[0]?.words).toEqual([
      'esmalte',
      'branco',
    ]);
  });

  it.each([
    ["not right now, I'll let you know", 'later'],
    ['Tengo una ferretería, ¿tienen precios especiales para mayoristas?', 'rules'],
  ])('"%s" → %s', (text, kind) => {
    expect(detectIntent(text, text.startsWith('not') ? withPending : base).kind).toBe(kind);
  });
});

describe('detectIntent: round six of outside phrasings', () => {
  it.each([
    ['que datos necesitan para la factura si soy persona natural?', base, 'rules'],
    ['el domiciliario lleva datafono?', base, 'rules'],
    ['vocês vendem massa corrida?', base, 'search'],
    ['Tengo una ferretería, ¿manejan precios para mayoristas?', base, 'rules'],
    ['no mejor el tipo 1', withQuote, 'edit'],
    ['perfecto, mandalo', withPending, 'confirm'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });

  it('adds with the Portuguese "também"', () => {
    expect(detectIntent('coloca também 2 pincéis de 3 polegadas', withQuote)).toMatchObject({
      kind: 'quote',
      mode: 'add',
    });
  });
});

describe('detectIntent: round seven of outside phrasings', () => {
  it.each([
    ['si pido hoy me llega hoy mismo a el poblado?', base, 'rules'],
    ['hola veci, y mi pedidito?', base, 'status'],
    ['necesito que alguien venga a tomar medidas del apartamento el lunes', base, 'booking'],
    ['I would like to escalate this to a supervisor.', base, 'human'],
    ['bora, fecha aí', withPending, 'confirm'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });
});

describe('detectIntent and names: round eight of outside phrasings', () => {
  it.each([
    ['semana que vem eu confirmo', withPending, 'later'],
    ['can a technician come tomorrow afternoon?', base, 'booking'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });
});

describe('detectIntent: round thirteen of outside phrasings', () => {
  it.each([
    ['de momento no, ya os digo algo', withPending, 'later'],
    ['nah, hold off on that for now', withPending, 'later'],
    ['por enquanto não, obrigado', withPending, 'later'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });

  it('reads inches after "a" or "un" as the size, not the quantity ("a 4 inch brush")', () => {
    expect(parseItems('2 gallons of varsol and a 4 inch brush')[1]).toEqual(
      expect.objectContaining({ quantity: 1, words: ['4', 'inch', 'brush'] }),
    );
    expect(parseItems('un rodillo de 9" y 2 brochas')[0]?.quantity).toBe(1);
    expect(parseItems('4 brochas de 2 pulgadas')[0]?.quantity).toBe(4);
  });

  it('reads a colour alone after an item as that item in the colour ("…esmalte rojo, otro de azul")', () => {
    expect(parseItems('un cuarto de esmalte rojo, otro de azul y seis lijas de agua 220')).toEqual([
      expect.objectContaining({ quantity: 1, unit: 'cuarto', words: ['esmalte', 'rojo'] }),
      expect.objectContaining({ quantity: 1, unit: 'cuarto', words: ['esmalte', 'azul'] }),
      expect.objectContaining({ quantity: 6, words: ['lija', 'agua', '220'] }),
    ]);
    expect(parseItems('2 galones de vinilo tipo 1 blanco y 3 de gris')[1]).toEqual(
      expect.objectContaining({ quantity: 3, unit: 'galon', words: ['vinilo', 'tipo', '1', 'gri'] }),
    );
    expect(parseItems('quiero 2 galones de vinilo, y otra cosa, tienen brochas?')).toHaveLength(1);
  });
});

describe('detectIntent and parseItems: round nine of outside phrasings', () => {
  it('a colour taken back mid-sentence corrects only the colour ("…amarillo no, mejor azul")', () => {
    expect(parseItems('3 galones de vinilo tipo 1 amarillo no, mejor azul, y 2 rodillos de felpa')).toEqual([
      expect.objectContaining({ quantity: 3, words: ['vinilo', 'tipo', '1', 'azul'] }),
      expect.objectContaining({ quantity: 2, words: ['rodillo', 'felpa'] }),
    ]);
  });

  it('a quotation with a visit asked beside it is the quotation first', () => {
    expect(
      detectIntent(
        'cotizame 2 galones de vinilo tipo 1 blanco y tambien quiero agendar una visita tecnica',
        base,
      ).kind,
    ).toBe('quote');
    expect(detectIntent('quiero una cita para asesoria el sabado a las 9', base).kind).toBe('booking');
    expect(detectIntent("I'd like to book a technical visit on Wednesday at 10am", base).kind).toBe(
      'booking',
    );
  });

  it('"eso es todo, confírmelo" and "ok let\'s go with that" are yeses', () => {
    expect(detectIntent('eso es todo, confirmelo', withPending).kind).toBe('confirm');
    expect(detectIntent("ok let's go with that", withPending).kind).toBe('confirm');
  });
});

describe('detectIntent and parseItems: round ten of outside phrasings', () => {
  it('the packaging named after "en" is the one meant ("2 galones de esmalte rojo en cuarto")', () => {
    expect(parseItems('regalame el precio de 2 galones de esmalte rojo en cuarto')[0]).toMatchObject({
      quantity: 2,
      unit: 'cuarto',
      words: ['esmalte', 'rojo'],
    });
  });

  it('"pra" is no product word', () => {
    expect(parseItems('preciso de 1 balde de imprimante pra parede')[0]?.words).toEqual([
      'imprimante',
      'parede',
    ]);
  });

  it.each([
    ['sisas', withPending, 'confirm'],
    ['simon, confirmalo', withPending, 'confirm'],
    ['this is ridiculous, nobody has answered my messages for days', base, 'angry'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });
});

describe('detectIntent: round eleven of outside phrasings', () => {
  it.each([
    ['comuniqueme con el gerente por favor', base, 'human'],
    ['could you price up 4 quarts of white type 1 vinyl for me', base, 'quote'],
    ['ok, pode fazer o pedido', withPending, 'confirm'],
    ['se me esta cayendo la pintura del cielo raso', base, 'support'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });

  it('"for me" ends the item', () => {
    expect(parseItems('4 quarts of white type 1 vinyl for me')[0]?.words).toEqual([
      'white',
      'type',
      '1',
      'vinyl',
    ]);
  });
});

describe('detectIntent and parseItems: round twelve of outside phrasings', () => {
  it('a unit in its diminutive ("un galoncito de thinner") is the unit', () => {
    expect(parseItems('me vende un galoncito de thinner')).toEqual([
      expect.objectContaining({ quantity: 1, unit: 'galon', words: ['thinner'] }),
    ]);
  });

  it.each([
    ['si hago el pedido un domingo cuando lo despachan?', base, 'rules'],
    ['how should I prepare a rusty metal door before painting?', base, 'support'],
  ])('"%s" → %s', (text, context, kind) => {
    expect(detectIntent(text, context).kind).toBe(kind);
  });

  it('"add 2 trays too" adds trays', () => {
    expect(detectIntent('add 2 trays too', withQuote)).toMatchObject({
      kind: 'quote',
      mode: 'add',
      items: [expect.objectContaining({ words: ['tray'] })],
    });
  });
});
