import { resolve } from 'node:path';
import {
  DeterministicSelector,
  SPECIALIST_KINDS,
  SWITCH_MARGIN,
  SWITCH_MIN_SCORE,
  isCrewError,
  scoreSpecialists as scoreWith,
  tenantId,
  type InboundMessage,
  type SpecialistKeywords,
  type SpecialistKind,
  type SpecialistSelector,
  type Turn,
} from '@mcp-crew/core';
import { loadCrews } from './load-crews.js';

// The demo crews' routing: the deterministic selector with the keywords of crews/vocabulary/paint-shop.yaml.
const CREWS_DIR = resolve(import.meta.dirname, '../../../crews');
let keywords: SpecialistKeywords;
beforeAll(async () => {
  keywords = (await loadCrews(CREWS_DIR)).get('whatsapp')!.vocabulary!.specialists;
});

const deterministic = new DeterministicSelector();
const selector: SpecialistSelector = {
  select: (input) => deterministic.select({ ...input, keywords }),
};
const scoreSpecialists = (text: string) => scoreWith(text, keywords);

function turn(...texts: string[]): Turn {
  const messages = texts.map((content, i): InboundMessage => ({
    tenantId: tenantId('pinturas-demo'),
    deliveryId: `d-${i}`,
    accountId: 1,
    conversationId: 10,
    inboxId: 1,
    messageId: i,
    channel: 'Channel::Whatsapp',
    channelAttributes: {},
    content,
    contentType: 'text',
    sender: { id: 5, name: 'Ana' },
    createdAt: '2025-01-01T00:00:00Z',
    receivedAt: 0,
  }));
  return { tenantId: tenantId('pinturas-demo'), conversationId: 10, messages };
}

const select = (
  text: string,
  current?: SpecialistKind,
  enabled: readonly SpecialistKind[] = SPECIALIST_KINDS,
) => selector.select({ turn: turn(text), current, enabled, defaultSpecialist: 'sales', language: 'es' });

describe('DeterministicSelector: first message of a conversation', () => {
  it.each<[string, SpecialistKind]>([
    // sales
    ['¿Cuánto cuesta el galón de vinilo blanco?', 'sales'],
    ['necesito una cotizacion para 10 galones', 'sales'],
    ['Me regala el presio del esmalte?', 'sales'],
    ['quiero comprar pintura para la fachada', 'sales'],
    ['¿Tienen stock de anticorrosivo gris?', 'sales'],
    ['Quanto custa a tinta acrílica? Quero um orçamento', 'sales'],
    ['Can I get a quote for 5 gallons?', 'sales'],
    ['cual es el estado de mi pedido S00012', 'sales'],
    // scheduling
    ['Quiero agendar una visita técnica para medir la fachada', 'scheduling'],
    ['me puedes dar una cita para el jueves?', 'scheduling'],
    ['Gostaria de fazer um agendamento', 'scheduling'],
    ['I need an appointment next week', 'scheduling'],
    ['quiero ajendar una sita', 'scheduling'],
    ['¿Qué horario de visita tienen?', 'scheduling'],
    // business rules
    ['¿Cuál es el horario de atención?', 'business_rules'],
    ['¿Hacen envíos a Medellín?', 'business_rules'],
    ['cuánto cuesta el envío a Bello', 'business_rules'],
    ['¿Puedo pagar con Nequi o Daviplata?', 'business_rules'],
    ['aceptan transferencia?', 'business_rules'],
    ['¿Qué garantía tienen las pinturas?', 'business_rules'],
    ['Quais são as formas de pagamento?', 'business_rules'],
    ['Do you offer a discount?', 'business_rules'],
    ['tienen domisilio?', 'business_rules'],
    // support
    ['La pintura se está pelando en la pared', 'support'],
    ['se descascaró todo el muro', 'support'],
    ['le salieron burbujas y ampollas al esmalte', 'support'],
    ['quiero hacer un reclamo, el producto llegó dañado', 'support'],
    ['Quiero hacer valer la garantía, la pintura salió defectuosa', 'support'],
    ['necesito una devolución', 'support'],
    ['A tinta fez bolhas, preciso de suporte', 'support'],
    ['The paint is peeling, I need support', 'support'],
    ['tengo un porblema con el pedido', 'support'],
  ])('"%s" -> %s', async (text, specialist) => {
    const selection = await select(text);
    expect(selection).toMatchObject({ specialist, reason: 'matched' });
    expect(selection.evidence.length).toBeGreaterThan(0);
  });

  it('gives the matched terms as evidence', async () => {
    const selection = await select('¿Puedo pagar con Nequi o Daviplata?');
    expect(selection.evidence).toEqual(expect.arrayContaining(['nequi', 'daviplata', 'pagar con']));
  });

  it.each(['hola', 'buenos días', 'buenas tardes', 'sí', 'gracias', '👍', ''])(
    'falls back to the crew default without a signal ("%s")',
    async (text) => {
      expect(await select(text)).toEqual({ specialist: 'sales', reason: 'default', evidence: [] });
    },
  );

  it('uses the first enabled member when the default is not enabled', async () => {
    const selection = await selector.select({
      turn: turn('hola'),
      enabled: ['support', 'scheduling'],
      defaultSpecialist: 'sales',
      language: 'es',
    });
    expect(selection).toEqual({ specialist: 'support', reason: 'default', evidence: [] });
  });

  it('only lets enabled members win', async () => {
    const selection = await select('quiero agendar una cita', undefined, ['sales', 'support']);
    expect(selection.specialist).toBe('sales');
    expect(selection.reason).toBe('default');
  });

  it('reads the whole burst of a turn', async () => {
    const selection = await selector.select({
      turn: turn('hola', 'una pregunta', 'hacen domicilios?'),
      enabled: SPECIALIST_KINDS,
      language: 'es',
    });
    expect(selection.specialist).toBe('business_rules');
  });

  it('throws a CrewError when nothing is enabled', async () => {
    const error = await select('hola', undefined, []).catch((e: unknown) => e);
    expect(isCrewError(error, 'NO_SPECIALIST_ENABLED')).toBe(true);
  });
});

describe('DeterministicSelector: stickiness', () => {
  it.each([
    'sí',
    '2',
    'blanca',
    'gracias',
    'ok dale',
    'el martes en la tarde',
    'pintura blanca',
    'la de 5 galones',
  ])('keeps sales on a follow-up without a clear signal ("%s")', async (text) => {
    expect(await select(text, 'sales')).toMatchObject({ specialist: 'sales', reason: 'kept' });
  });

  it.each<[string, SpecialistKind, SpecialistKind]>([
    ['y hacen envíos a Bello?', 'sales', 'business_rules'],
    ['¿cuánto vale el galón de vinilo?', 'scheduling', 'sales'],
    ['ahora quiero agendar una visita', 'sales', 'scheduling'],
    ['la pintura que compré se está pelando', 'sales', 'support'],
  ])('"%s" moves the conversation from %s to %s', async (text, current, expected) => {
    expect(await select(text, current)).toMatchObject({ specialist: expected, reason: 'matched' });
  });

  it('switches only when the challenger wins by the margin', async () => {
    // "precio" (3) vs "envio" (3): a tie is no clear win, the conversation stays put.
    const text = 'y el precio con envío?';
    const scores = scoreSpecialists(text);
    expect(scores.sales.score).toBe(scores.business_rules.score);
    expect(await select(text, 'business_rules')).toMatchObject({
      specialist: 'business_rules',
      reason: 'kept',
    });
    expect(await select(text, 'sales')).toMatchObject({ specialist: 'sales', reason: 'kept' });
    expect(SWITCH_MARGIN).toBeGreaterThan(0);
  });

  it('does not switch on weak hints even when the current specialist has none', async () => {
    const text = 'el viernes';
    expect(scoreSpecialists(text).scheduling.score).toBeLessThan(SWITCH_MIN_SCORE);
    expect(await select(text, 'sales')).toMatchObject({ specialist: 'sales', reason: 'kept' });
  });

  it('treats a current specialist that is not enabled as no current', async () => {
    const selection = await selector.select({
      turn: turn('gracias'),
      current: 'support',
      enabled: ['sales'],
      language: 'es',
    });
    expect(selection).toMatchObject({ specialist: 'sales', reason: 'default' });
  });
});

describe('scoreSpecialists', () => {
  it('lets a phrase take its words away from shorter terms', () => {
    const scores = scoreSpecialists('horario de visita');
    expect(scores.scheduling.evidence).toContain('horario de visita');
    expect(scores.business_rules.score).toBe(0);
  });

  it('counts a repeated term once', () => {
    expect(scoreSpecialists('precio precio precio').sales.score).toBe(3);
  });

  it('does not read Portuguese "pela" (by the) or "preciso" (I need) as support or sales', () => {
    const scores = scoreSpecialists('preciso falar pela manhã');
    expect(scores.support.score).toBe(0);
    expect(scores.sales.score).toBe(0);
  });
});

describe('DeterministicSelector: several requests in one message', () => {
  it.each([
    'necesito 2 galones de vinilo tipo 1 blanco, y hacen domicilio a itagui?',
    'cotízame 3 rodillos de felpa. reciben nequi?',
    'quiero dos galones de esmalte blanco, y me pueden hacer factura electronica?',
    'me salio moho en la pared, que hago? y necesito 1 galon de sellador acrilico',
  ])(
    'an order (a quantity before a product word) goes to sales with the question beside it: %s',
    async (text) => {
      expect((await select(text)).specialist).toBe('sales');
      expect((await select(text, 'business_rules')).specialist).toBe('sales');
    },
  );

  it('does not read "un problema con la pintura" as an order', () => {
    expect(scoreSpecialists('tengo un problema con la pintura').sales.evidence).not.toContain(
      'quantity + product',
    );
  });

  it('keeps a rules question with the specialist waiting for a yes, and switches without one', async () => {
    const input = {
      turn: turn('eso incluye el domicilio?'),
      current: 'sales' as const,
      enabled: SPECIALIST_KINDS,
    };
    expect((await selector.select({ ...input, language: 'es' })).specialist).toBe('business_rules');
    expect((await selector.select({ ...input, awaitingYes: true, language: 'es' })).specialist).toBe('sales');
  });
});
