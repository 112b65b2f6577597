import { describe, expect, it } from '@jest/globals';
import {
  type AssignmentTarget,
  type ChatwootAgent,
  type ChatwootRouting,
  type HandoffLead,
  type IdempotencyStore,
  type SalesCrm,
  type Salesperson,
} from '@mcp-crew/core';
import { newTurnScope, runInTurnScope } from '@mcp-crew/reliability';
import { testTenant, webchatCrew, webTurn } from '../turn/testing/turn-fixture.js';
import { HandoffRouter } from './handoff-router.js';
import { leastLoaded } from './least-loaded.js';

const ref = { accountId: 3, conversationId: 1532 };
const CAROLINA: ChatwootAgent = {
  id: 11,
  name: 'Carolina',
  email: 'carolina@shop.example',
  availability: 'offline',
};
const PEDRO: ChatwootAgent = { id: 12, name: 'Pedro', email: 'pedro@shop.example', availability: 'online' };
const LUCIA: ChatwootAgent = { id: 13, name: 'Lucía', email: 'lucia@shop.example', availability: 'online' };

function fakes(options: { admin?: boolean; salespeople?: Salesperson[]; assignFails?: boolean } = {}) {
  const assigned: AssignmentTarget[] = [];
  const reads: string[] = [];
  const leads: HandoffLead[] = [];
  const routing: ChatwootRouting = {
    canReadAgents: options.admin ?? true,
    agents: async () => (reads.push('agents'), [CAROLINA, PEDRO, LUCIA]),
    teamMembers: async () => (reads.push('team'), [PEDRO, LUCIA]),
    openByAssignee: async () => (
      reads.push('open'),
      new Map([
        [12, 3],
        [13, 5],
      ])
    ),
    assign: async (_ref, target) => {
      if (options.assignFails) throw new Error('Chatwoot answered 500');
      assigned.push(target);
    },
  };
  const crm: SalesCrm = {
    findPartner: async () => 5,
    salespeople: async () => options.salespeople ?? [],
    userByEmail: async (email) => (email === PEDRO.email ? { userId: 7, name: 'Pedro' } : undefined),
    upsertLead: async (lead) => (leads.push(lead), { id: 40 + leads.length, created: true }),
  };
  const store = new Map<string, unknown>();
  const records: IdempotencyStore = {
    get: async (_t, key) => store.get(key),
    put: async (_t, key, value) => void store.set(key, value),
  };
  const router = new HandoffRouter({
    routing: () => routing,
    crm: () => crm,
    records,
    logger: { info: () => undefined, warn: () => undefined },
  });
  return { router, assigned, reads, leads };
}

const tenant = { ...testTenant(), odoo: { allowWrites: true } } as never;
const request = (sales = true, teamId: number | null = 7) => ({
  tenant,
  crew: webchatCrew(),
  settings: { assign: true, salesLead: true, ...(teamId ? { teamId } : {}) },
  ref,
  turn: webTurn('quiero cotizar 200 galones'),
  state: { history: [] },
  sales,
});
/** Runs like a turn does (with a turn key), so the router records its choice. */
const inTurn = <T>(fn: () => Promise<T>) =>
  runInTurnScope(
    newTurnScope({
      tenantId: 'demo',
      turnKey: 'demo:1532:1',
      deadlineAt: Date.now() + 60_000,
      signal: new AbortController().signal,
    }),
    fn,
  );

describe('HandoffRouter', () => {
  it('assigns a sales hand-over to the first salesperson with a Chatwoot account, and leaves a lead with that user', async () => {
    const { router, assigned, leads } = fakes({
      salespeople: [
        { userId: 9, name: 'Sin cuenta', email: 'nadie@shop.example', source: 'quotation' },
        { userId: 2, name: 'Carolina', email: 'CAROLINA@shop.example', source: 'customer' },
      ],
    });
    const lines = await inTurn(() => router.route(request()));
    expect(assigned).toEqual([{ agentId: 11 }]);
    expect(leads[0]).toMatchObject({
      partnerId: 5,
      userId: 2,
      marker: 'MCP-Crew · Chatwoot conversation 3/1532',
    });
    expect(lines).toEqual([
      "Assigned to Carolina, the customer's salesperson in Odoo.",
      "CRM lead #41 created in Odoo with the conversation's summary.",
    ]);
  });

  it('without a salesperson in Chatwoot, the least-loaded team member; the lead gets their Odoo user', async () => {
    const { router, assigned, leads } = fakes();
    const lines = await inTurn(() => router.route(request()));
    expect(assigned).toEqual([{ agentId: 12 }]);
    expect(leads[0]?.userId).toBe(7);
    expect(lines[0]).toBe('Assigned to Pedro, the least-loaded member of team 7 (3 open).');
  });

  it('without an administrator token, the team: Chatwoot picks the agent', async () => {
    const { router, assigned, reads } = fakes({ admin: false });
    await inTurn(() => router.route(request()));
    expect(reads).toEqual([]);
    expect(assigned).toEqual([{ teamId: 7 }]);
  });

  it('a non-sales hand-over goes to the team member without a lead; with no team it is left unassigned', async () => {
    const withTeam = fakes();
    expect(await inTurn(() => withTeam.router.route(request(false)))).toEqual([
      'Assigned to Pedro, the least-loaded member of team 7 (3 open).',
    ]);
    expect(withTeam.leads).toEqual([]);
    const noTeam = fakes();
    await inTurn(() => noTeam.router.route(request(false, null)));
    expect(noTeam.assigned).toEqual([]);
  });

  it('a retried turn reuses its recorded choice and lead: same agent, no new reads, no second lead', async () => {
    const { router, assigned, reads, leads } = fakes();
    const scope = () =>
      newTurnScope({
        tenantId: 'demo',
        turnKey: 'demo:1532:9',
        deadlineAt: Date.now() + 60_000,
        signal: new AbortController().signal,
      });
    await runInTurnScope(scope(), () => router.route(request()));
    const again = await runInTurnScope(scope(), () => router.route(request()));
    expect(assigned).toEqual([{ agentId: 12 }, { agentId: 12 }]);
    expect(reads).toEqual(['team', 'open']);
    expect(leads).toHaveLength(1);
    expect(again).toContain("CRM lead #41 created in Odoo with the conversation's summary.");
  });

  it('a failing assignment becomes a line of the note, never a failed hand-over', async () => {
    const { router } = fakes({ assignFails: true });
    const lines = await inTurn(() => router.route(request()));
    expect(lines[0]).toBe(
      'Could not assign the conversation to Pedro, the least-loaded member of team 7 (3 open): Chatwoot answered 500',
    );
  });
});

describe('leastLoaded', () => {
  it('prefers online members, then the fewest open conversations, then the lowest id', () => {
    expect(
      leastLoaded(
        [CAROLINA, PEDRO, LUCIA],
        new Map([
          [11, 0],
          [12, 2],
          [13, 2],
        ]),
      )?.agent.id,
    ).toBe(12);
    expect(leastLoaded([CAROLINA], new Map())?.agent.id).toBe(11);
    expect(leastLoaded([], new Map())).toBeUndefined();
  });

  it("routes a failure's hand-over by what the conversation knows: a verified customer's salesperson, no lead", async () => {
    const { router, assigned, leads, reads } = fakes({
      salespeople: [{ userId: 2, name: 'Carolina', email: 'carolina@shop.example', source: 'customer' }],
    });
    const known = { ...request(false), state: { history: [], partner: { id: 5, verified: true } } } as never;
    const lines = await inTurn(() => router.route(known));
    expect(assigned).toEqual([{ agentId: 11 }]);
    expect(leads).toEqual([]);
    expect(reads).toEqual(['agents']);
    expect(lines).toEqual(["Assigned to Carolina, the customer's salesperson in Odoo."]);
  });

  it('with Odoo down, a known customer goes to the team without asking Odoo', async () => {
    const { router, assigned, reads } = fakes({
      salespeople: [{ userId: 2, name: 'Carolina', email: 'carolina@shop.example', source: 'customer' }],
    });
    const known = { ...request(false), state: { history: [], partner: { id: 5, verified: true } } } as never;
    const scope = newTurnScope({
      tenantId: 'demo',
      turnKey: 'demo:1532:2',
      deadlineAt: Date.now() + 60_000,
      signal: new AbortController().signal,
    });
    scope.failedDependencies.add('odoo');
    const lines = await runInTurnScope(scope, () => router.route(known));
    expect(assigned).toEqual([{ agentId: 12 }]);
    expect(reads).toEqual(['team', 'open']);
    expect(lines).toEqual(['Assigned to Pedro, the least-loaded member of team 7 (3 open).']);
  });
});
