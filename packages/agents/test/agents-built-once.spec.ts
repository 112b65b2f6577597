import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { EMPTY_CONVERSATION_STATE, Secret, type ConversationState, type TenantConfig } from '@mcp-crew/core';
import {
  AgentSpecialistRegistry,
  createOfflineEngine,
  createStepModel,
  factsOf,
  InProcessTenantTools,
  TenantModels,
} from '../src/index.js';
import { crew, demoTenant, nextState, turnOf } from './support.js';

describe('agents are built once per tenant, crew and specialist', () => {
  let sandbox: OdooSandbox;
  let registry: AgentSpecialistRegistry;
  const engine = createOfflineEngine();

  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
    registry = new AgentSpecialistRegistry({ tools: new InProcessTenantTools(), model: () => engine });
  });
  afterAll(async () => {
    await registry.close();
    await sandbox.close();
  });

  it('serves several turns of a tenant with one agent instance, each turn with its own facts', async () => {
    const tenant = demoTenant(sandbox.url);
    const whatsapp = await crew('whatsapp');
    const agent = (await registry.agentFor(tenant, whatsapp, 'sales')).agent;
    const sales = registry.get(tenant, 'sales')!;

    let state: ConversationState = EMPTY_CONVERSATION_STATE;
    for (const said of ['Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco', 'sí, confírmala']) {
      const result = await sales.handle(turnOf(said, { name: 'Ana Gómez', phone: '+57 300 123 4567' }), {
        tenant,
        crew: whatsapp,
        specialist: 'sales',
        state,
      });
      expect(result.handoff).toBeUndefined();
      state = nextState(state, said, result);
    }
    // The second turn confirmed the quotation the first created: the facts travelled per turn, not in the agent.
    expect(state.orderIds).toHaveLength(1);
    expect(state.quotation).toBeUndefined();
    expect((await registry.agentFor(tenant, whatsapp, 'sales')).agent).toBe(agent);
    // The process's Mastra instance owns it.
    expect(registry.mastra.getAgentById(agent.id)).toBe(agent);
    // Another conversation of the same tenant shares the agent too.
    await sales.handle(turnOf('hola', { name: 'Otro' }, 9002), {
      tenant,
      crew: whatsapp,
      specialist: 'sales',
      state: EMPTY_CONVERSATION_STATE,
    });
    expect((await registry.agentFor(tenant, whatsapp, 'sales')).agent).toBe(agent);
  });

  it("rebuilds the agent when the tenant's configuration changes, and only then", async () => {
    const tenant = demoTenant(sandbox.url);
    const whatsapp = await crew('whatsapp');
    const before = (await registry.agentFor(tenant, whatsapp, 'support')).agent;
    // The same configuration in a new object (a reload of an unchanged tenants file) keeps the agent.
    expect((await registry.agentFor(demoTenant(sandbox.url), whatsapp, 'support')).agent).toBe(before);
    const renamed = { ...tenant, name: 'Pinturas El Arcoíris S.A.S.' };
    const after = (await registry.agentFor(renamed, whatsapp, 'support')).agent;
    expect(after).not.toBe(before);
    expect(registry.mastra.getAgentById(after.id)).toBe(after);
    expect((await registry.agentFor(renamed, whatsapp, 'support')).agent).toBe(after);
    // Other specialists and crews are separate agents.
    expect((await registry.agentFor(renamed, await crew('instagram'), 'support')).agent).not.toBe(after);
  });

  it("keeps a tenant's agents while its model settings stay, and rebuilds only that tenant's when they change", async () => {
    const models = new TenantModels({
      defaults: { model: 'gpt-4o', timeoutMs: 1000, maxRetries: 0, tokenBudget: 0, vision: false },
    });
    const local = new AgentSpecialistRegistry({
      tools: new InProcessTenantTools(),
      model: (tenant, kind) => models.chat(tenant, kind)?.model ?? engine,
      tokenBudgetFor: (tenant, kind) => models.chat(tenant, kind)?.resolved.tokenBudget,
    });
    try {
      const whatsapp = await crew('whatsapp');
      const withModel = (id: string, name: string): TenantConfig => ({
        ...demoTenant(sandbox.url),
        id: id as TenantConfig['id'],
        models: { openai: { apiKey: new Secret(`sk-${id}-key`), baseUrl: 'http://127.0.0.1:9/v1' } },
        model: { name, tokenBudget: 1000 },
      });
      const first = (await local.agentFor(withModel('demo', 'model-a'), whatsapp, 'sales')).agent;
      const other = (await local.agentFor(withModel('otra', 'model-z'), whatsapp, 'sales')).agent;
      // A reload with the same settings (new objects) keeps both agents.
      expect((await local.agentFor(withModel('demo', 'model-a'), whatsapp, 'sales')).agent).toBe(first);
      const changed = (await local.agentFor(withModel('demo', 'model-b'), whatsapp, 'sales')).agent;
      expect(changed).not.toBe(first);
      expect((await local.agentFor(withModel('demo', 'model-b'), whatsapp, 'sales')).agent).toBe(changed);
      expect((await local.agentFor(withModel('otra', 'model-z'), whatsapp, 'sales')).agent).toBe(other);
    } finally {
      await local.close();
    }
  });

  it("gives the model the conversation's facts as typed provider options, and no JSON in the instructions", async () => {
    const calls: LanguageModelV3CallOptions[] = [];
    const model = createStepModel({
      provider: 'test',
      modelId: 'recorder',
      step: async (options) => (calls.push(options), [{ type: 'text', text: 'Hola Ana.' }]),
    });
    const local = new AgentSpecialistRegistry({ tools: new InProcessTenantTools(), model: () => model });
    try {
      const tenant = demoTenant(sandbox.url);
      const state: ConversationState = {
        history: [],
        partner: { id: 5, name: 'Ana Gómez', verified: true },
        quotation: { id: 1, name: 'S00001' },
      };
      await local
        .get(tenant, 'sales')!
        .handle(turnOf('hola'), { tenant, crew: await crew('whatsapp'), specialist: 'sales', state });
      expect(factsOf(calls[0]!)).toMatchObject({
        language: 'es',
        business: tenant.name,
        partner: { id: 5, verified: true },
        quotation: { id: 1, name: 'S00001' },
      });
      const system = calls[0]!.prompt
        .filter((m) => m.role === 'system')
        .map((m) => m.content)
        .join('\n');
      expect(system).toContain('Working quotation: S00001');
      expect(system).not.toMatch(/\{"/);
    } finally {
      await local.close();
    }
  });
  it('forgets a tenant at once: its agents leave Mastra, its Odoo MCP client is closed, other tenants stay', async () => {
    const tenant = demoTenant(sandbox.url);
    const other = { ...demoTenant(sandbox.url), id: 'otra-tienda' as TenantConfig['id'] };
    const whatsapp = await crew('whatsapp');
    const agent = (await registry.agentFor(tenant, whatsapp, 'sales')).agent;
    const kept = (await registry.agentFor(other, whatsapp, 'sales')).agent;
    const tools = new InProcessTenantTools();
    const [first] = await tools.forTenant(tenant);
    await expect(first!.client.listTools()).resolves.toBeDefined();

    await registry.forget(tenant.id);
    await tools.forget(tenant.id);
    expect(() => registry.mastra.getAgentById(agent.id)).toThrow(/not found/);
    expect(registry.mastra.getAgentById(kept.id)).toBe(kept);
    // The old in-process connection is closed; the next use connects anew.
    await expect(first!.client.listTools()).rejects.toThrow();
    const [again] = await tools.forTenant(tenant);
    expect(again!.client).not.toBe(first!.client);
    await tools.close();
    expect((await registry.agentFor(tenant, whatsapp, 'sales')).agent).not.toBe(agent);
  });
});
