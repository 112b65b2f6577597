import type { Specialist, SpecialistRegistry } from '@mcp-crew/core';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { OdooClient } from '@mcp-crew/odoo-client';
import { Secret } from '@mcp-crew/core';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const BOT = 'bot-token-e2e-123';
const ADMIN = 'admin-token-e2e-456';
const TEAM = 7;

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
  let sandbox: OdooSandbox;
  let odoo: OdooClient;
  let chatwoot: FakeChatwoot;
  let app: Awaited<ReturnType<typeof startApp>>;
  let nextId = 97_000;
  let conversation = 6100 + (process.pid % 1000) * 10;

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
    odoo = new OdooClient({
      url: sandbox.url,
      db: sandbox.db,
      user: sandbox.login,
      apiKey: new Secret(sandbox.apiKey),
      protocol: 'jsonrpc',
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    chatwoot = await startFakeChatwoot({ botToken: BOT, agentToken: ADMIN });
    // Carolina is the salesperson of every demo customer in Odoo; Pedro and Lucía form the crew's team.
    chatwoot.setAgents(
      [
        { id: 11, name: 'Carolina Restrepo', email: 'carolina.restrepo@pinturaselarcoiris.example.com' },
        { id: 12, name: 'Pedro Ruiz', email: 'pedro.ruiz@pinturaselarcoiris.example.com' },
        { id: 13, name: 'Lucía Mora', email: 'lucia.mora@pinturaselarcoiris.example.com' },
      ],
      3,
    );
    chatwoot.setTeam(TEAM, [12, 13], 3);
    chatwoot.setOpenLoad({ 11: 9, 12: 4, 13: 1 }, 3);
    const specialists: SpecialistRegistry = { get: () => salesHandoff };
    const odooLine = `    odoo: {url: "${sandbox.url}", db: ${sandbox.db}, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}\n`;
    const settings = `    crewSettings: {whatsapp: {handoff: {teamId: ${TEAM}}}}\n`;
    app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url, odooLine + settings, ADMIN),
      redisUrl: REDIS_URL,
      specialists,
    });
    conversation += 1;
    chatwoot.setConversation({ id: conversation, accountId: 3, status: 'pending' });
  }, 30_000);
  afterEach(async () => {
    await app.close();
    await chatwoot.close();
  });

  const say = (content: string, sender: { name: string; phone: string }) =>
    post(
      `${app.url}/webhooks/chatwoot/demo`,
      signedFixture('whatsapp_incoming_text', (body) => {
        body['id'] = ++nextId;
        body['content'] = content;
        (body['conversation'] as Record<string, unknown>)['id'] = conversation;
        // Contact details come from conversation.meta.sender (see normalize.ts).
        const meta = (body['conversation'] as { meta: { sender: Record<string, unknown> } }).meta;
        Object.assign(meta.sender, { name: sender.name, phone_number: sender.phone });
      }),
    );
  /** Every Chatwoot call of the conversation and the account-level reads, with the token that made it. */
  const calls = () =>
    chatwoot.requests
      .filter((r) => !r.path.includes('/conversations/') || r.path.includes(`/conversations/${conversation}`))
      .map((r) => {
        const path = r.path
          .replace(`/api/v1/accounts/3/conversations/${conversation}`, 'conv')
          .replace(/^\/api\/(v\d)\/accounts\/3\//, '$1 ');
        const token = r.headers.api_access_token === ADMIN ? 'admin' : 'bot';
        const body = r.body as Record<string, unknown> | undefined;
        const shown = path === 'conv/messages' ? (body?.['private'] ? 'note' : 'message') : body;
        return [token, r.method, path, shown] as const;
      });
  const done = () =>
    eventually(
      () =>
        calls().some(
          ([, , p, b]) =>
            p === 'conv/toggle_typing_status' && (b as { typing_status: string }).typing_status === 'off',
        ),
      15_000,
    );
  const note = () =>
    String(
      (
        chatwoot.requests.find(
          (r) => r.path.endsWith(`${conversation}/messages`) && (r.body as { private: boolean }).private,
        )?.body as { content: string }
      ).content,
    );
  const leadsOf = (marker: string) =>
    odoo.searchRead('crm.lead', [['description', 'ilike', marker]], {
      fields: ['partner_id', 'user_id', 'name', 'description'],
    });

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
    expect(chatwoot.conversation(conversation, 3)?.assigneeId).toBe(11);
    const leads = await leadsOf(`Chatwoot conversation 3/${conversation}`);
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
    const leads = await leadsOf(`Chatwoot conversation 3/${conversation}`);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ partner_id: false, name: 'Conversación por whatsapp con Martín Gómez' });
  }, 30_000);

  it('a retried turn assigns the same agent again and makes no second lead or message', async () => {
    // Chatwoot refuses the status change past the client's own retries: the whole turn is retried by the queue.
    for (let i = 0; i < 3; i++) chatwoot.respondNext({ status: 503, pathEndsWith: '/toggle_status' });
    expect(
      (
        await say('Quiero cotizar pintura para 3 apartamentos', {
          name: 'Martín Gómez',
          phone: '+54 9 11 5555-0123',
        })
      ).status,
    ).toBe(200);
    await eventually(() => chatwoot.conversation(conversation, 3)?.status === 'open', 20_000);
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
    expect(await leadsOf(`Chatwoot conversation 3/${conversation}`)).toHaveLength(1);
  }, 40_000);
});
