import { Secret, tenantId, type TenantConfig } from '@mcp-crew/core';
import { demoTenant } from '@mcp-crew/testing';
import { resolveModel, resolveTranscription, TenantModels, type ModelDefaults } from './tenant-models.js';

const env: ModelDefaults = {
  apiKey: new Secret('sk-environment'),
  model: 'gpt-4o',
  timeoutMs: 30_000,
  maxRetries: 2,
  tokenBudget: 20_000,
  vision: true,
};

function tenant(overrides: Partial<TenantConfig> = {}): TenantConfig {
  return demoTenant('whsec-acme', {
    id: tenantId('acme'),
    name: 'Acme',
    enabledSpecialists: ['sales', 'support'],
    ...overrides,
  });
}

describe('a model per tenant and per specialist', () => {
  it("uses the environment's model for a tenant without settings", () => {
    const resolved = resolveModel(tenant(), 'sales', env);
    expect(resolved).toMatchObject({ model: 'gpt-4o', timeoutMs: 30_000, tokenBudget: 20_000, vision: true });
    expect(resolved?.apiKey.reveal()).toBe('sk-environment');
  });

  it("layers the specialist's choice over the tenant's over the environment's, with the tenant's endpoint", () => {
    const acme = tenant({
      models: { local: { apiKey: new Secret('sk-local-key'), baseUrl: 'http://127.0.0.1:9000/v1' } },
      model: {
        provider: 'local',
        name: 'llama',
        tokenBudget: 5000,
        specialists: { support: { name: 'llava', vision: true, timeoutMs: 9000 } },
      },
    });
    expect(resolveModel(acme, 'sales', env)).toMatchObject({
      baseUrl: 'http://127.0.0.1:9000/v1',
      model: 'llama',
      timeoutMs: 30_000,
      tokenBudget: 5000,
      // The environment's model sees; the tenant's own model is not assumed to.
      vision: false,
    });
    expect(resolveModel(acme, 'support', env)).toMatchObject({
      model: 'llava',
      timeoutMs: 9000,
      vision: true,
    });
    expect(resolveModel(acme, 'support', env)?.apiKey.reveal()).toBe('sk-local-key');
  });

  it('has no hosted model (the offline engine answers) when no key exists anywhere', () => {
    const noKey = { ...env, apiKey: undefined };
    expect(resolveModel(tenant(), 'sales', noKey)).toBeUndefined();
    expect(
      resolveModel(tenant({ models: { openai: { apiKey: new Secret('sk-own-key') } } }), 'sales', noKey)
        ?.model,
    ).toBe('gpt-4o');
  });

  it('transcribes only when the tenant or the environment names a transcription model', () => {
    expect(resolveTranscription(tenant(), env)).toBeUndefined();
    expect(resolveTranscription(tenant(), { ...env, transcriptionModel: 'whisper-1' })?.model).toBe(
      'whisper-1',
    );
    const own = tenant({
      models: { stt: { apiKey: new Secret('sk-stt-key'), baseUrl: 'http://127.0.0.1:9001/v1' } },
      model: { transcription: { provider: 'stt', name: 'whisper-large-v3' } },
    });
    expect(resolveTranscription(own, env)).toMatchObject({
      model: 'whisper-large-v3',
      baseUrl: 'http://127.0.0.1:9001/v1',
    });
  });

  it('keeps one model object while the settings stay, and a new one when they change', () => {
    const models = new TenantModels({ defaults: env });
    const first = tenant({ model: { name: 'gpt-4o-mini' } });
    const same = tenant({ model: { name: 'gpt-4o-mini' } });
    const changed = tenant({ model: { name: 'gpt-4.1' } });
    const model = models.chat(first, 'sales')?.model;
    expect(models.chat(same, 'sales')?.model).toBe(model);
    expect(models.chat(changed, 'sales')?.model).not.toBe(model);
    expect(models.chat(changed, 'sales')?.model.modelId).toBe('gpt-4.1');
  });

  it("describes photos with a vision model: the crew's default specialist's, else any of the tenant's", () => {
    const models = new TenantModels({ defaults: { ...env, vision: false } });
    expect(models.describer(tenant(), 'sales')).toBeUndefined();
    const seeing = tenant({ model: { specialists: { support: { name: 'gpt-4o', vision: true } } } });
    expect(models.describer(seeing, 'sales')).toBeDefined();
  });

  it('describes photos with a photo-only model when the tenant names one, whatever its specialists run on', () => {
    const models = new TenantModels({ defaults: { ...env, apiKey: undefined, vision: false } });
    const eyes = tenant({
      models: { eyes: { apiKey: new Secret('sk-eyes-key'), baseUrl: 'http://127.0.0.1:9002/v1' } },
      model: { images: { provider: 'eyes', name: 'gpt-4o-mini' } },
    });
    // No chat model anywhere (the offline engine answers), yet photos are looked at.
    expect(models.chat(eyes, 'support')).toBeUndefined();
    expect(models.describer(eyes, 'support')).toBeDefined();
    expect(models.describer(eyes, 'support')).toBe(models.describer(eyes, 'sales'));
  });
});
