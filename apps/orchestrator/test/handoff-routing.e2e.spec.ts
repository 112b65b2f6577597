import type { Specialist } from '@mcp-crew/core';
import { eventually } from './support.js';
import { ROUTING_TEAM as TEAM, useHandoffRouting } from './handoff-routing-setup.js';

/** The sales specialist gives up on a big order: a sales hand-over (the selector picks sales for it). */
const salesHandoff: Specialist = {
  handle: async () => ({
    replies: [],
    handoff: { reason: 'out_of_scope', note: 'MCP-Crew handed this conversation to a human: a big order.' },
  }),
};

/**
 * Sales hand-overs go to the right person: the customer's salesperson in Odoo when they have a Chatwoot account,
 * else the least-loaded member of the crew's team; a CRM lead is left in Odoo either way. Signed webhooks →
 * Redis queue → crew → a recording Chatwoot (agents, team, live report, assignments) and the Odoo sandbox.
 */
describe('hand-over to the right salesperson: webhook → queue → crew → recording Chatwoot and Odoo', () => {
  const world = useHandoffRouting({ specialist: salesHandoff, conversationBase: 6100 });
  const { say, calls, done, note, leadsOf } = world;

  it("assigns a known customer's hand-over to their Odoo salesperson's Chatwoot account, with a lead in Odoo", async () => {
    expect(
      (
        await say('Necesito cotizar 200 galones de vinilo para una bodega', {
          name: 'Ana Gómez',
          phone: '+57 300 123 4567',
        })
      ).status,
    ).toBe(200);
    await done();
    expect(calls()).toEqual([
      ['bot', 'POST', 'conv/toggle_typing_status', { typing_status: 'on' }],
      ['bot', 'GET', 'conv', undefined],
      ['bot', 'POST', 'conv/messages', 'message'],
      ['admin', 'GET', 'v1 agents', undefined],
      ['bot', 'POST', 'conv/assignments', { assignee_id: 11 }],
      ['bot', 'POST', 'conv/messages', 'note'],
      ['bot', 'GET', 'conv/labels', undefined],
      ['bot', 'POST', 'conv/labels', { labels: ['bot-handoff', 'whatsapp'] }],
      ['bot', 'POST', 'conv/toggle_status', { status: 'open' }],
      ['bot', 'POST', 'conv/toggle_typing_status', { typing_status: 'off' }],
    ]);
    expect(world.chatwoot.conversation(world.conversation, 3)?.assigneeId).toBe(11);
    const leads = await leadsOf(`Chatwoot conversation 3/${world.conversation}`);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ partner_id: [5, 'Ana Gómez'], user_id: [2, 'Carolina Restrepo'] });
    expect(String(leads[0]!['description'])).toContain('Necesito cotizar 200 galones de vinilo');
    expect(note()).toContain("Assigned to Carolina Restrepo, the customer's salesperson in Odoo.");
    expect(note()).toContain(`CRM lead #${leads[0]!.id} created in Odoo with the conversation's summary.`);
  }, 30_000);

  it('sends an unknown customer to the least-loaded member of the crew team, and leaves a new lead', async () => {
    expect(
      (
        await say('Quiero cotizar pintura para 3 apartamentos', {
          name: 'Martín Gómez',
          phone: '+54 9 11 5555-0123',
        })
      ).status,
    ).toBe(200);
    await done();
    expect(calls()).toEqual([
      ['bot', 'POST', 'conv/toggle_typing_status', { typing_status: 'on' }],
      ['bot', 'GET', 'conv', undefined],
      ['bot', 'POST', 'conv/messages', 'message'],
      ['admin', 'GET', `v1 teams/${TEAM}/team_members`, undefined],
      ['admin', 'GET', 'v2 live_reports/grouped_conversation_metrics', undefined],
      ['bot', 'POST', 'conv/assignments', { assignee_id: 13 }],
      ['bot', 'POST', 'conv/messages', 'note'],
      ['bot', 'GET', 'conv/labels', undefined],
      ['bot', 'POST', 'conv/labels', { labels: ['bot-handoff', 'whatsapp'] }],
      ['bot', 'POST', 'conv/toggle_status', { status: 'open' }],
      ['bot', 'POST', 'conv/toggle_typing_status', { typing_status: 'off' }],
    ]);
    expect(note()).toContain(`Assigned to Lucía Mora, the least-loaded member of team ${TEAM} (1 open).`);
    const leads = await leadsOf(`Chatwoot conversation 3/${world.conversation}`);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ partner_id: false, name: 'Conversación por whatsapp con Martín Gómez' });
  }, 30_000);

  it('a retried turn assigns the same agent again and makes no second lead or message', async () => {
    // Chatwoot refuses the status change past the client's own retries: the whole turn is retried by the queue.
    for (let i = 0; i < 3; i++) world.chatwoot.respondNext({ status: 503, pathEndsWith: '/toggle_status' });
    expect(
      (
        await say('Quiero cotizar pintura para 3 apartamentos', {
          name: 'Martín Gómez',
          phone: '+54 9 11 5555-0123',
        })
      ).status,
    ).toBe(200);
    await eventually(() => world.chatwoot.conversation(world.conversation, 3)?.status === 'open', 20_000);
    await done();
    const assignments = calls().filter(([, , p]) => p === 'conv/assignments');
    expect(assignments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(assignments.map(([, , , b]) => JSON.stringify(b)))).toEqual(
      new Set([JSON.stringify({ assignee_id: 13 })]),
    );
    // The team was read once: the retry reused the recorded choice.
    expect(calls().filter(([, , p]) => p.includes('team_members'))).toHaveLength(1);
    expect(calls().filter(([, , p, b]) => p === 'conv/messages' && b === 'message')).toHaveLength(1);
    expect(calls().filter(([, , p, b]) => p === 'conv/messages' && b === 'note')).toHaveLength(1);
    expect(await leadsOf(`Chatwoot conversation 3/${world.conversation}`)).toHaveLength(1);
  }, 40_000);
});
