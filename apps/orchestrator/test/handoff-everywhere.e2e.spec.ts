import type { Specialist } from '@mcp-crew/core';
import { eventually } from './support.js';
import { ROUTING_TEAM as TEAM, useHandoffRouting } from './handoff-routing-setup.js';

// Monday 23:10 in Bogotá: the demo shop (Mon–Fri 7:30–18:00) is closed until Tuesday 7:30.
const MONDAY_NIGHT = Date.parse('2026-11-30T23:10:00-05:00');
const DEADLINE_MS = 2000;
const customer = { name: 'Martín Gómez', phone: '+54 9 11 5555-0123' };

/** The hand-over of a turn the pipeline gave up on, as the recording Chatwoot saw it. */
function expectRoutedOutOfHours(world: ReturnType<typeof useHandoffRouting>, why: string) {
  const calls = world.calls();
  // Out of hours nobody is online: the least-loaded member of the team gets it, for the morning.
  expect(calls.filter(([, , p]) => p === 'conv/assignments')).toEqual([
    ['bot', 'POST', 'conv/assignments', { assignee_id: 13 }],
  ]);
  expect(calls.filter(([, m, p]) => m === 'POST' && p === 'conv/labels')).toEqual([
    ['bot', 'POST', 'conv/labels', { labels: ['bot-handoff', 'whatsapp', 'out-of-hours'] }],
  ]);
  const told = world.texts('message').join('\n');
  expect(told).toContain('fuera del horario de atención');
  expect(told).toContain('mañana, martes');
  const note = world.note();
  expect(note).toContain(why);
  expect(note).toContain(`Assigned to Lucía Mora, the least-loaded member of team ${TEAM} (1 open).`);
  expect(note).toContain('Outside business hours (mon 2026-11-30 23:10 America/Bogota)');
  expect(world.chatwoot.conversation(world.conversation, 3)).toMatchObject({
    assigneeId: 13,
    status: 'open',
  });
}

/**
 * The pipeline's own hand-overs take the same route as the crew's: signed webhook → Redis queue → a turn that
 * runs out of time or out of retries → recording Chatwoot (team, live report, assignment) and the Odoo sandbox.
 */
describe('a turn past its deadline is routed like any hand-over', () => {
  // The specialist takes far longer than the turn may.
  const slow: Specialist = {
    handle: () =>
      new Promise((resolve) => {
        // Unref'd: the abandoned turn must not keep the test process alive.
        setTimeout(() => resolve({ replies: ['Ya te cotizo.'] }), DEADLINE_MS * 3).unref();
      }),
  };
  const world = useHandoffRouting({
    specialist: slow,
    conversationBase: 6300,
    env: { TURN_DEADLINE_MS: String(DEADLINE_MS) },
    now: () => MONDAY_NIGHT,
  });

  it('assigns it to the least-loaded team member, says when a person answers and labels it for the morning', async () => {
    expect((await world.say('Quiero cotizar pintura para 3 apartamentos', customer)).status).toBe(200);
    await eventually(() => world.chatwoot.conversation(world.conversation, 3)?.status === 'open', 15_000);
    expectRoutedOutOfHours(world, `MCP-Crew could not answer within ${DEADLINE_MS / 1000} s`);
    // Not a sales hand-over: no lead.
    expect(await world.leadsOf(`Chatwoot conversation 3/${world.conversation}`)).toHaveLength(0);
  }, 30_000);
});

describe('a turn that exhausted its retries is routed like any hand-over', () => {
  let attempts = 0;
  const failing: Specialist = {
    handle: async () => {
      attempts++;
      throw new Error('the specialist broke');
    },
  };
  const world = useHandoffRouting({ specialist: failing, conversationBase: 6500, now: () => MONDAY_NIGHT });

  it('assigns it to the least-loaded team member, says when a person answers and labels it for the morning', async () => {
    expect((await world.say('Quiero cotizar pintura para 3 apartamentos', customer)).status).toBe(200);
    await eventually(() => world.chatwoot.conversation(world.conversation, 3)?.status === 'open', 20_000);
    expect(attempts).toBe(3);
    expectRoutedOutOfHours(world, 'MCP-Crew could not process this conversation after its retries');
    // The failure message is the only message; the team was read once.
    expect(world.texts('message')).toHaveLength(1);
    expect(world.calls().filter(([, , p]) => p.includes('team_members'))).toHaveLength(1);
  }, 30_000);
});
