import type {
  ConversationState,
  SelectorInput,
  SpecialistContext,
  SpecialistResult,
  Turn,
} from '@mcp-crew/core';
import { makeInboundMessage } from '@mcp-crew/testing';
import { HISTORY_LIMIT, RespondToTurn } from './respond-to-turn.js';
import { testTenant, webchatCrew } from './testing/turn-fixture.js';

const tenant = testTenant(['sales', 'support']);
const crew = webchatCrew(['sales', 'support', 'scheduling']);
const turnOf = (content: string): Turn => ({
  tenantId: tenant.id,
  conversationId: 7,
  messages: [makeInboundMessage({ tenantId: tenant.id, conversationId: 7, content })],
});

function useCase(result: SpecialistResult, specialist: 'sales' | 'scheduling' = 'sales') {
  const seen: SpecialistContext[] = [];
  const respond = new RespondToTurn({
    selector: {
      select: async (input) => ({ specialist, reason: input.current ? 'kept' : 'default', evidence: [] }),
    },
    specialists: {
      get: (_t, kind) =>
        tenant.enabledSpecialists.includes(kind)
          ? { handle: async (_turn, context) => (seen.push(context), result) }
          : undefined,
    },
  });
  return { respond, seen };
}

describe('RespondToTurn: the one use case every caller answers a turn with', () => {
  const trace = {
    model: 'offline-intent-engine',
    tools: [{ tool: 'odoo_create_quotation', input: {}, ok: true, text: 'S00009' }],
    outcome: 'answered' as const,
    tokens: 0,
  };

  it('runs the selected specialist with the conversation state and merges what it learned', async () => {
    const state: ConversationState = { history: [], partner: { id: 5, name: 'Ana', verified: true } };
    const touched = [{ model: 'sale.order', id: 9, displayName: 'S00009' }];
    const { respond, seen } = useCase({
      replies: ['Tu cotización S00009.'],
      state: { quotation: { id: 9, name: 'S00009' } },
      touched,
      trace,
    });
    const result = await respond.respond({ turn: turnOf('2 galones de esmalte'), tenant, crew, state });
    expect(seen[0]).toMatchObject({ specialist: 'sales', state });
    expect(result).toMatchObject({
      selection: { specialist: 'sales' },
      replies: ['Tu cotización S00009.'],
      touched,
      trace,
    });
    expect(result.state).toMatchObject({
      crew: 'webchat',
      specialist: 'sales',
      partner: { id: 5 },
      quotation: { id: 9, name: 'S00009' },
    });
    expect(result.state.history.map((h) => [h.role, h.text])).toEqual([
      ['customer', '2 galones de esmalte'],
      ['bot', 'Tu cotización S00009.'],
    ]);
  });

  it('shows the selector the conversation before this turn, so a short reply is read in its context', async () => {
    const at = new Date().toISOString();
    const history = [
      { role: 'customer' as const, text: '¿tienen vinilo blanco?', at },
      { role: 'bot' as const, text: '1) Vinilo Tipo 1 Blanco galón. 2) Vinilo Tipo 2 Blanco galón.', at },
    ];
    const inputs: SelectorInput[] = [];
    const respond = new RespondToTurn({
      selector: {
        select: async (input) => (
          inputs.push(input),
          { specialist: 'sales', reason: 'matched', evidence: [] }
        ),
      },
      specialists: { get: () => ({ handle: async () => ({ replies: ['Listo.'] }) }) },
    });
    await respond.respond({ turn: turnOf('sí, esa'), tenant, crew, state: { history } });
    expect(inputs[0]?.history).toEqual(history);
  });

  it('keeps the history bounded', async () => {
    const at = new Date().toISOString();
    const long: ConversationState = {
      history: Array.from({ length: HISTORY_LIMIT }, (_, i) => ({
        role: 'customer' as const,
        text: `m${i}`,
        at,
      })),
    };
    const { respond } = useCase({ replies: ['ok'] });
    const result = await respond.respond({ turn: turnOf('hola'), tenant, crew, state: long });
    expect(result.state.history).toHaveLength(HISTORY_LIMIT);
    expect(result.state.history.at(-1)).toMatchObject({ role: 'bot', text: 'ok' });
  });

  it("hands over on the crew's escalation phrase without running a specialist, and remembers the handoff", async () => {
    const { respond, seen } = useCase({ replies: ['nunca'] });
    const result = await respond.respond({
      turn: turnOf('Quiero HABLAR con una persona'),
      tenant,
      crew,
      state: { history: [] },
    });
    expect(seen).toEqual([]);
    expect(result.handoff).toMatchObject({
      reason: 'customer_asked',
      note: expect.stringContaining('> Quiero HABLAR con una persona'),
    });
    expect(result.trace).toBeUndefined();
    expect(result.state.lastHandoff?.reason).toBe('customer_asked');
  });

  it('hands over when the selected specialist is not enabled for the tenant', async () => {
    const { respond } = useCase({ replies: ['nunca'] }, 'scheduling');
    const result = await respond.respond({
      turn: turnOf('agéndame una visita'),
      tenant,
      crew,
      state: { history: [] },
    });
    expect(result.handoff).toMatchObject({
      reason: 'no_specialist',
      note: expect.stringContaining('"scheduling"'),
    });
    expect(result.replies).toEqual([]);
    expect(result.touched).toEqual([]);
  });
});
