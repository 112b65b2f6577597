import { pino } from 'pino';
import { tenantId } from '@mcp-crew/core';
import { ODOO_WRITE_TOOL_NAMES } from '@mcp-crew/mcp-odoo';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import {
  startFakeChatwoot,
  isSelectorCall,
  startModelEndpointStandIn,
  type FakeChatwoot,
  type ModelEndpointStandIn,
} from '@mcp-crew/testing';
import { eventually, sendText, startApp, writeTenantsFile } from './support.js';

const WRITE_TOOLS = ODOO_WRITE_TOOL_NAMES;

/**
 * A hosted model (the local OpenAI-compatible stand-in, 1,020 tokens per call: a product search, then a
 * reply) with a budget of 3,000 tokens per conversation, the demo tenant on the Odoo sandbox: what each call carries, and what happens when the
 * budget is spent.
 */
describe('the model token budget of a conversation (hosted model → stand-in)', () => {
  let chatwoot: FakeChatwoot;
  let model: ModelEndpointStandIn;
  let app: Awaited<ReturnType<typeof startApp>>;
  let sandbox: OdooSandbox;
  const lines: Array<Record<string, unknown>> = [];
  let nextId = 99_000;

  beforeAll(async () => {
    ({ sandbox } = await startSandboxWithClient());
  });
  afterAll(async () => {
    await sandbox.close();
  });
  beforeEach(async () => {
    lines.length = 0;
    chatwoot = await startFakeChatwoot();
    model = await startModelEndpointStandIn({
      chat: (call) => {
        if (isSelectorCall(call)) return JSON.stringify({ specialist: 'sales', why: 'product question' });
        const searched = (call.messages ?? []).some((m) => m.role === 'tool');
        return searched
          ? 'Sí, tenemos esmalte blanco. ¿Para qué superficie lo necesitas?'
          : { toolCalls: [{ name: 'odoo_search_products', arguments: '{"query":"esmalte blanco"}' }] };
      },
      usage: () => ({ promptTokens: 1000, completionTokens: 20 }),
    });
    const tenants = `    models: {openai: {apiKey: sk-budget-key-123, baseUrl: "${model.url}"}}
    model: {name: gpt-budget, tokenBudget: 3000}
    odoo: {url: "${sandbox.url}", db: sandbox, user: admin, apiKey: sandbox-admin-key, protocol: jsonrpc, allowWrites: true}
`;
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url, tenants), logger });
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await Promise.all([model.close(), chatwoot.close()]);
  });

  const messages = (isPrivate: boolean) =>
    chatwoot.requests
      .filter(
        (r) =>
          r.method === 'POST' &&
          r.path === '/api/v1/accounts/3/conversations/1532/messages' &&
          (r.body as { private?: boolean }).private === isPrivate,
      )
      .map((r) => (r.body as { content: string }).content);
  const say = async (content: string, replies: number) => {
    expect((await sendText(app.url, ++nextId, content)).status).toBe(200);
    await eventually(() => messages(false).length >= replies, 20_000);
  };

  it('shows each step of a product question only the tools it can use, lean, and counts what the provider reports', async () => {
    await say('¿Tienen esmalte blanco?', 1);
    const [first, second] = model.calls.filter((c) => !isSelectorCall(c)).map((c) => c.tools ?? []);
    const names = (tools: typeof first) => (tools ?? []).map((t) => t.name);
    expect(names(first)).toEqual(
      expect.arrayContaining([
        'odoo_search_products',
        'odoo_find_customers',
        'search_knowledge',
        'handoff_to_human',
      ]),
    );
    for (const write of WRITE_TOOLS) expect(names(first)).not.toContain(write);
    // Products found, no customer yet: the next step may create one (to quote), still not quote or confirm.
    expect(names(second)).toContain('odoo_upsert_customer');
    for (const write of WRITE_TOOLS.filter((t) => t !== 'odoo_upsert_customer' && t !== 'odoo_create_lead'))
      expect(names(second)).not.toContain(write);
    // The schemas come without validator-only noise (zod's ±2^53 integer bounds, the e-mail regex).
    expect(JSON.stringify(first)).not.toContain('9007199254740991');
    const state = await app.runtime.state.load(tenantId('demo'), 1532);
    expect(state.modelTokens).toBe(2 * 1020);
  }, 60_000);

  it('warns once, counts it and leaves one private note when the budget is spent; the offline engine answers on', async () => {
    await say('¿Tienen esmalte blanco?', 1);
    expect(messages(true)).toEqual([]);
    await say('¿Y en galón?', 2);
    await say('¿Tienen rodillos?', 3);

    // Two turns reached the model (two calls of 1,020 tokens each); the third ran on the offline engine.
    expect(model.calls.filter((c) => !isSelectorCall(c))).toHaveLength(4);
    const notes = messages(true).filter((n) => n.includes('language model budget'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('4,080 of 3,000 tokens');
    const warned = lines.filter((l) => String(l['msg']).startsWith('model token budget spent'));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({
      level: 40,
      tenant: 'demo',
      conversation: 1532,
      spent: 4080,
      budget: 3000,
    });
    // Tenant, conversation and figures only: nothing the customer wrote.
    expect(JSON.stringify(warned[0])).not.toContain('galón');
    const metrics = await fetch(`${app.url}/metrics`).then((r) => r.text());
    expect(metrics).toContain('mcp_crew_model_budget_spent_total{tenant="demo"} 1');
  }, 60_000);
});
