import { describe, expect, it } from '@jest/globals';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { Secret, tenantId, type SelectorInput, type TenantConfig } from '@mcp-crew/core';
import { demoTenant, makeInboundMessage } from '@mcp-crew/testing';
import { createStepModel } from '../model/step-model.js';
import { resolveSelector, TenantModels, type ModelDefaults } from '../model/tenant-models.js';
import { TenantSelector } from './tenant-selector.js';

const env: ModelDefaults = {
  apiKey: new Secret('sk-environment'),
  model: 'gpt-4o',
  timeoutMs: 30_000,
  maxRetries: 0,
  tokenBudget: 0,
  vision: false,
};

function tenant(id: string, model?: TenantConfig['model']): TenantConfig {
  return demoTenant(`whsec-${id}`, {
    id: tenantId(id),
    name: id,
    enabledSpecialists: ['sales', 'support'],
    models: { local: { apiKey: new Secret(`sk-${id}`), baseUrl: 'http://127.0.0.1:9/v1' } },
    ...(model ? { model } : {}),
  });
}

/** A model that always picks `specialist`, counting its calls. */
function picking(specialist: string) {
  const calls: string[] = [];
  const model = createStepModel({
    provider: 'test',
    modelId: `picks-${specialist}`,
    step: async () => {
      calls.push(specialist);
      return [{ type: 'text', text: JSON.stringify({ specialist, why: 'scripted' }) }];
    },
  });
  return { model, calls };
}

const input = (of: TenantConfig | undefined): SelectorInput => ({
  turn: { tenantId: tenantId('x'), conversationId: 1, messages: [makeInboundMessage({ content: 'hola' })] },
  ...(of ? { tenant: of } : {}),
  enabled: ['sales', 'support'],
  defaultSpecialist: 'sales',
  language: 'es',
});

describe("the selector's model per tenant", () => {
  it("takes the tenant's `model.selector` over its default choice over the environment's", () => {
    expect(resolveSelector(tenant('a'), env)).toMatchObject({ model: 'gpt-4o', timeoutMs: 30_000 });
    const own = resolveSelector(
      tenant('a', { provider: 'local', name: 'llama', selector: { name: 'small', timeoutMs: 2000 } }),
      env,
    );
    expect(own).toMatchObject({ model: 'small', timeoutMs: 2000, baseUrl: 'http://127.0.0.1:9/v1' });
    expect(own?.apiKey.reveal()).toBe('sk-a');
    expect(resolveSelector(tenant('a', { provider: 'local', name: 'llama' }), env)?.model).toBe('llama');
  });

  it('keeps one selector model per tenant while its settings stay', () => {
    const models = new TenantModels({ defaults: env });
    const a = tenant('a', { provider: 'local', name: 'llama' });
    expect(models.selector(a)).toBe(models.selector(a));
    expect(models.selector(tenant('a', { provider: 'local', name: 'other' }))).not.toBe(models.selector(a));
  });
});

describe('TenantSelector', () => {
  it("asks each tenant's own model, builds once per tenant and rebuilds when the model changes", async () => {
    const alpha = picking('support');
    const beta = picking('sales');
    let alphaModel: LanguageModelV3 = alpha.model;
    const selector = new TenantSelector({
      model: (t) => (t.id === 'alpha' ? alphaModel : t.id === 'beta' ? beta.model : undefined),
    });
    expect((await selector.select(input(tenant('alpha')))).specialist).toBe('support');
    expect((await selector.select(input(tenant('beta')))).specialist).toBe('sales');
    expect((await selector.select(input(tenant('alpha')))).specialist).toBe('support');
    expect([alpha.calls.length, beta.calls.length, selector.size]).toEqual([2, 1, 2]);

    const changed = picking('sales');
    alphaModel = changed.model;
    expect((await selector.select(input(tenant('alpha')))).specialist).toBe('sales');
    expect([alpha.calls.length, changed.calls.length, selector.size]).toEqual([2, 1, 2]);
  });

  it('routes without a model (no key, no tenant) deterministically', async () => {
    const selector = new TenantSelector({ model: () => undefined });
    const chosen = await selector.select(input(tenant('gamma')));
    expect(chosen.specialist).toBe('sales');
    expect(selector.size).toBe(0);
    expect((await selector.select(input(undefined))).specialist).toBe('sales');
  });
});
