import type { Specialist } from '@mcp-crew/core';
import { Secret } from '@mcp-crew/core';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { OdooClient } from '@mcp-crew/odoo-client';
import { startFakeChatwoot, type FakeChatwoot } from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile } from './support.js';

export const ROUTING_BOT = 'bot-token-e2e-123';
export const ROUTING_ADMIN = 'admin-token-e2e-456';
export const ROUTING_TEAM = 7;

export interface HandoffRoutingOptions {
  /** Every turn's specialist. */
  specialist: Specialist;
  /** Extra environment of the app (TURN_DEADLINE_MS, …). */
  env?: Record<string, string>;
  /** The app's clock (business hours). */
  now?: () => number;
  /** First conversation id (each test gets the next one). */
  conversationBase: number;
}

/**
 * The hand-over routing world of the e2e tests: the Odoo sandbox (Carolina is every demo customer's salesperson),
 * a recording Chatwoot with three agents (Pedro and Lucía form the crew's team, Lucía the least loaded), the app
 * on real Redis with the tenant's Odoo and team. Registers the jest hooks; read the fields inside tests.
 */
export function useHandoffRouting(options: HandoffRoutingOptions) {
  let sandbox: OdooSandbox;
  let nextId = 97_000 + (options.conversationBase % 1000) * 100;
  const world = {
    odoo: undefined as unknown as OdooClient,
    chatwoot: undefined as unknown as FakeChatwoot,
    app: undefined as unknown as Awaited<ReturnType<typeof startApp>>,
    conversation: options.conversationBase + (process.pid % 1000) * 10,

    say(content: string, sender: { name: string; phone: string }) {
      return post(
        `${world.app.url}/webhooks/chatwoot/demo`,
        signedFixture('whatsapp_incoming_text', (body) => {
          body['id'] = ++nextId;
          body['content'] = content;
          (body['conversation'] as Record<string, unknown>)['id'] = world.conversation;
          // Contact details come from conversation.meta.sender (see normalize.ts).
          const meta = (body['conversation'] as { meta: { sender: Record<string, unknown> } }).meta;
          Object.assign(meta.sender, { name: sender.name, phone_number: sender.phone });
        }),
      );
    },
    /** Every Chatwoot call of the conversation and the account-level reads, with the token that made it. */
    calls() {
      const conversation = world.conversation;
      return world.chatwoot.requests
        .filter(
          (r) => !r.path.includes('/conversations/') || r.path.includes(`/conversations/${conversation}`),
        )
        .map((r) => {
          const path = r.path
            .replace(`/api/v1/accounts/3/conversations/${conversation}`, 'conv')
            .replace(/^\/api\/(v\d)\/accounts\/3\//, '$1 ');
          const token = r.headers.api_access_token === ROUTING_ADMIN ? 'admin' : 'bot';
          const body = r.body as Record<string, unknown> | undefined;
          const shown = path === 'conv/messages' ? (body?.['private'] ? 'note' : 'message') : body;
          return [token, r.method, path, shown] as const;
        });
    },
    /** Until the turn's typing indicator is off (the end of an answered turn). */
    done() {
      return eventually(
        () =>
          world
            .calls()
            .some(
              ([, , p, b]) =>
                p === 'conv/toggle_typing_status' && (b as { typing_status: string }).typing_status === 'off',
            ),
        15_000,
      );
    },
    /** The texts of the conversation's messages: private notes or customer messages. */
    texts(kind: 'note' | 'message') {
      return world.chatwoot.requests
        .filter((r) => r.path.endsWith(`${world.conversation}/messages`))
        .map((r) => r.body as { private: boolean; content: string })
        .filter((b) => b.private === (kind === 'note'))
        .map((b) => b.content);
    },
    note() {
      return String(world.texts('note')[0]);
    },
    leadsOf(marker: string) {
      return world.odoo.searchRead('crm.lead', [['description', 'ilike', marker]], {
        fields: ['partner_id', 'user_id', 'name', 'description'],
      });
    },
  };

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
    world.odoo = new OdooClient({
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
    const chatwoot = await startFakeChatwoot({ botToken: ROUTING_BOT, agentToken: ROUTING_ADMIN });
    world.chatwoot = chatwoot;
    chatwoot.setAgents(
      [
        { id: 11, name: 'Carolina Restrepo', email: 'carolina.restrepo@pinturaselarcoiris.example.com' },
        { id: 12, name: 'Pedro Ruiz', email: 'pedro.ruiz@pinturaselarcoiris.example.com' },
        { id: 13, name: 'Lucía Mora', email: 'lucia.mora@pinturaselarcoiris.example.com' },
      ],
      3,
    );
    chatwoot.setTeam(ROUTING_TEAM, [12, 13], 3);
    chatwoot.setOpenLoad({ 11: 9, 12: 4, 13: 1 }, 3);
    const odooLine = `    odoo: {url: "${sandbox.url}", db: ${sandbox.db}, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}\n`;
    const settings = `    crewSettings: {whatsapp: {handoff: {teamId: ${ROUTING_TEAM}}}}\n`;
    world.app = await startApp({
      tenantsFile: writeTenantsFile(chatwoot.url, odooLine + settings, ROUTING_ADMIN),
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      specialists: { get: () => options.specialist },
      ...(options.env ? { env: options.env } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    world.conversation += 1;
    chatwoot.setConversation({ id: world.conversation, accountId: 3, status: 'pending' });
  }, 30_000);
  afterEach(async () => {
    await world.app.close();
    await world.chatwoot.close();
  });
  return world;
}
