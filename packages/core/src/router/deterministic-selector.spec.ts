import { tenantId, type SpecialistKind } from '../tenant/tenant.js';
import type { Turn } from '../message/message.js';
import type { SpecialistKeywords } from '../crew/vocabulary.js';
import { DeterministicSelector } from './deterministic-selector.js';
import { scoreSpecialists } from './score-specialists.js';

// How keywords are matched, with a small vocabulary of its own; the demo crews' routing is tested with
// their vocabulary in packages/crews (demo-routing.spec.ts).
const KEYWORDS: SpecialistKeywords = {
  sales: { clear: ['precio', 'cotiz*'], strong: ['pedido'], context: ['pintura'] },
  scheduling: { clear: ['horario de visita', 'appointment'], strong: [], context: ['martes'] },
  business_rules: { clear: ['horario', 'transferencia'], strong: [], context: [] },
  support: { clear: ['descascar*'], strong: [], context: [] },
};

function turn(content: string): Turn {
  return {
    tenantId: tenantId('t'),
    conversationId: 1,
    messages: [
      {
        tenantId: tenantId('t'),
        deliveryId: 'd',
        accountId: 1,
        conversationId: 1,
        inboxId: 1,
        messageId: 1,
        channel: 'Channel::Api',
        channelAttributes: {},
        content,
        contentType: 'text',
        sender: { id: 1, name: 'Ana' },
        createdAt: '2025-01-01T00:00:00Z',
        receivedAt: 0,
      },
    ],
  };
}

describe('scoreSpecialists with a crew vocabulary', () => {
  it('weighs clear, strong and context terms 3, 2 and 1', () => {
    const scores = scoreSpecialists('el precio del pedido de pintura', KEYWORDS);
    expect(scores.sales).toEqual({ score: 6, evidence: ['precio', 'pedido', 'pintura'] });
  });

  it('lets a phrase take its words away from shorter terms', () => {
    const scores = scoreSpecialists('¿qué horario de visita tienen?', KEYWORDS);
    expect(scores.scheduling.evidence).toEqual(['horario de visita']);
    expect(scores.business_rules.score).toBe(0);
  });

  it('folds accents and case, matches prefixes and one-letter misspellings of long words', () => {
    expect(scoreSpecialists('COTIZACIÓN', KEYWORDS).sales.evidence).toEqual(['cotiz*']);
    expect(scoreSpecialists('se descascaró', KEYWORDS).support.score).toBe(3);
    expect(scoreSpecialists('aceptan tranferencia?', KEYWORDS).business_rules.score).toBe(3);
  });

  it('counts a repeated term once', () => {
    expect(scoreSpecialists('precio precio precio', KEYWORDS).sales.score).toBe(3);
  });

  it('counts a quantity before a product as an order, but not a purchase told in the past', () => {
    expect(scoreSpecialists('necesito 2 galones de pintura', KEYWORDS).sales.evidence).toContain(
      'quantity + product',
    );
    expect(
      scoreSpecialists('compré un galón de pintura y se descascaró', KEYWORDS).sales.evidence,
    ).not.toContain('quantity + product');
  });

  it('scores nothing without keywords', () => {
    const scores = scoreSpecialists('precio', {});
    expect(Object.values(scores).every((s) => s.score === 0)).toBe(true);
  });
});

describe('DeterministicSelector with a crew vocabulary', () => {
  const selector = new DeterministicSelector();
  const select = (text: string, keywords?: SpecialistKeywords, current?: SpecialistKind) =>
    selector.select({
      turn: turn(text),
      current,
      enabled: ['sales', 'scheduling', 'business_rules', 'support'],
      defaultSpecialist: 'sales',
      language: 'es',
      ...(keywords ? { keywords } : {}),
    });

  it("routes by the crew's keywords", async () => {
    expect(await select('necesito un appointment', KEYWORDS)).toMatchObject({
      specialist: 'scheduling',
      reason: 'matched',
    });
  });

  it('goes to the default specialist when the crew has no vocabulary', async () => {
    expect(await select('necesito un appointment')).toEqual({
      specialist: 'sales',
      reason: 'default',
      evidence: [],
    });
  });

  it('keeps the current specialist on a weak hint', async () => {
    expect(await select('el martes', KEYWORDS, 'sales')).toMatchObject({
      specialist: 'sales',
      reason: 'kept',
    });
  });
});
