import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TenantConfig } from '@mcp-crew/core';
import {
  startFakeChatwoot,
  isSelectorCall,
  startModelEndpointStandIn,
  type FakeChatwoot,
  type ModelEndpointCall,
  type ModelEndpointStandIn,
} from '@mcp-crew/testing';
import { eventually, post, signedFixture, startApp, writeTenantsFile, sendText } from './support.js';

/** A stand-in's chat: the selector's structured answer picks `specialist`; every other call gets `text`. */
const answering =
  (text: string, specialist = 'business_rules') =>
  (call: ModelEndpointCall) =>
    isSelectorCall(call) ? JSON.stringify({ specialist, why: 'stand-in choice' }) : text;

/**
 * A model per tenant and per specialist: two tenants, each pointed at its own OpenAI-compatible endpoint (two
 * local stand-ins) with its own key and model name, answer through the default specialists (Mastra agents)
 * with their own model; the environment has no key at all.
 */
describe('a model per tenant: webhook → queue → agents → each tenant’s own endpoint', () => {
  let chatwoot: FakeChatwoot;
  let alpha: ModelEndpointStandIn;
  let beta: ModelEndpointStandIn;
  let app: Awaited<ReturnType<typeof startApp>>;
  let nextId = 97_000;

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    // Alpha's selector sends everything to support; beta's to business rules.
    alpha = await startModelEndpointStandIn({
      chat: answering('Te responde el modelo de Pinturas El Arcoíris.', 'support'),
    });
    beta = await startModelEndpointStandIn({ chat: answering('Te responde el modelo de Ferretería Beta.') });
    const tenants = `    models: {alpha: {apiKey: sk-alpha-key-123, baseUrl: "${alpha.url}"}}
    model: {provider: alpha, name: alpha-chat-1, tokenBudget: 50000, specialists: {support: {name: alpha-support-2}}, selector: {name: alpha-router-0}}
  - id: beta
    name: Ferretería Beta
    chatwootAccountId: 4
    chatwoot: {baseUrl: "${chatwoot.url}", botToken: bot-token-beta-123, webhookSecret: whsec_test_secret}
    models: {openai: {apiKey: sk-beta-key-456, baseUrl: "${beta.url}"}}
    model: {name: beta-chat-9}
`;
    app = await startApp({ tenantsFile: writeTenantsFile(chatwoot.url, tenants) });
    // The default specialists ingest the demo knowledge on start.
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await Promise.all([alpha.close(), beta.close(), chatwoot.close()]);
  });

  const say = (tenant: 'demo' | 'beta', content: string) =>
    post(
      `${app.url}/webhooks/chatwoot/${tenant}`,
      signedFixture('whatsapp_incoming_text', (body) => {
        body['id'] = ++nextId;
        body['content'] = content;
        if (tenant === 'beta') body['account'] = { id: 4, name: 'Ferretería Beta' };
      }),
    );
  const replies = (account: number) =>
    chatwoot.requests
      .filter(
        (r) => r.method === 'POST' && r.path === `/api/v1/accounts/${account}/conversations/1532/messages`,
      )
      .map((r) => (r.body as { content: string }).content);

  it('answers each tenant with its own endpoint, key and model, and keeps their calls apart', async () => {
    expect((await say('demo', 'Hola, ¿qué horario tienen?')).status).toBe(200);
    expect((await say('beta', 'Hola, ¿qué horario tienen?')).status).toBe(200);
    await eventually(() => replies(3).length >= 1 && replies(4).length >= 1, 20_000);

    expect(replies(3)).toEqual(['Te responde el modelo de Pinturas El Arcoíris.']);
    expect(replies(4)).toEqual(['Te responde el modelo de Ferretería Beta.']);
    expect(alpha.calls.length).toBeGreaterThan(0);
    expect(beta.calls.length).toBeGreaterThan(0);
    expect(alpha.calls.every((c) => c.apiKey === 'sk-alpha-key-123')).toBe(true);
    expect(
      alpha.calls.every((c) => ['alpha-router-0', 'alpha-chat-1', 'alpha-support-2'].includes(c.model)),
    ).toBe(true);
    expect(beta.calls.every((c) => c.apiKey === 'sk-beta-key-456' && c.model === 'beta-chat-9')).toBe(true);
  }, 60_000);

  it("routes each tenant's turns with its own selector model: alpha's `model.selector`, beta's default", async () => {
    expect((await say('demo', 'Hola, ¿qué horario tienen?')).status).toBe(200);
    expect((await say('beta', 'Hola, ¿qué horario tienen?')).status).toBe(200);
    await eventually(() => replies(3).length >= 1 && replies(4).length >= 1, 20_000);

    const alphaSelector = alpha.calls.filter(isSelectorCall);
    const betaSelector = beta.calls.filter(isSelectorCall);
    expect(alphaSelector.map((c) => [c.apiKey, c.model])).toEqual([['sk-alpha-key-123', 'alpha-router-0']]);
    expect(betaSelector.map((c) => [c.apiKey, c.model])).toEqual([['sk-beta-key-456', 'beta-chat-9']]);
    // Alpha's selector chose support, whose model then answered: the tenant's selector decided the turn.
    expect(alpha.calls.filter((c) => !isSelectorCall(c)).map((c) => c.model)).toContain('alpha-support-2');
    expect(beta.calls.filter((c) => !isSelectorCall(c)).every((c) => c.model === 'beta-chat-9')).toBe(true);
  }, 60_000);

  it("shows the tenant's selector model the conversation's earlier messages, not only the last one", async () => {
    expect((await say('demo', 'Hola, ¿qué horario tienen?')).status).toBe(200);
    await eventually(() => replies(3).length >= 1, 20_000);
    expect((await say('demo', 'sí, esa')).status).toBe(200);
    await eventually(() => replies(3).length >= 2, 20_000);

    const routed = alpha.calls.filter(isSelectorCall).map((c) => JSON.stringify(c.messages));
    expect(routed).toHaveLength(2);
    expect(routed[0]).not.toContain('Earlier in the conversation');
    expect(routed[1]).toContain('customer: Hola, ¿qué horario tienen?');
    expect(routed[1]).toContain('bot: Te responde el modelo de Pinturas El Arcoíris.');
    expect(routed[1]).toContain('Message to route:\\nsí, esa');
  }, 60_000);

  it('gives a specialist its own model over the tenant’s (support → alpha-support-2)', async () => {
    const tenant = (await app.runtime.tenants.get('demo' as TenantConfig['id']))!;
    expect(tenant.model).toMatchObject({ provider: 'alpha', name: 'alpha-chat-1' });
    // A support question goes to the support specialist, whose model the tenant set apart.
    expect(
      (await say('demo', 'Tengo humedad en la pared y la pintura se está descascarando, ¿qué hago?')).status,
    ).toBe(200);
    await eventually(() => replies(3).length >= 1, 20_000);
    expect(alpha.calls.map((c) => c.model)).toContain('alpha-support-2');
    expect(alpha.calls.map((c) => c.model)).not.toContain('alpha-chat-1');
    expect(beta.calls).toEqual([]);
  }, 60_000);
});

/**
 * The same through the admin API on the embedded tenant store: an endpoint's key is set (sealed at rest),
 * the tenant's model is switched to it, and the next turn answers with it, without a restart.
 */
describe('a model per tenant through the admin API', () => {
  let chatwoot: FakeChatwoot;
  let before: ModelEndpointStandIn;
  let after: ModelEndpointStandIn;
  let app: Awaited<ReturnType<typeof startApp>>;
  let nextId = 98_000;
  const KEY = 'sk-rotated-secret-key-789';

  beforeEach(async () => {
    chatwoot = await startFakeChatwoot();
    before = await startModelEndpointStandIn({ chat: answering('Modelo anterior.') });
    after = await startModelEndpointStandIn({ chat: answering('Modelo nuevo del tenant.') });
    app = await startApp({
      tenantsFile: writeTenantsFile(
        chatwoot.url,
        `    models: {openai: {apiKey: sk-before-key-123, baseUrl: "${before.url}"}}\n`,
      ),
      env: {
        TENANT_STORE: 'embedded',
        CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPERATOR_API_KEY: 'operator-key-e2e',
      },
    });
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await Promise.all([before.close(), after.close(), chatwoot.close()]);
  });

  const admin = (path: string, body: unknown) =>
    fetch(`${app.url}/admin/tenants/demo${path}`, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', authorization: 'Bearer operator-key-e2e' },
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
  const say = (content: string) => sendText(app.url, ++nextId, content);
  const replies = () =>
    chatwoot.requests
      .filter((r) => r.method === 'POST' && r.path === '/api/v1/accounts/3/conversations/1532/messages')
      .map((r) => (r.body as { content: string }).content);

  it('switches the tenant to a new endpoint and model on the next turn, its key sealed at rest', async () => {
    await say('Hola');
    await eventually(() => replies().length >= 1, 20_000);
    expect(replies()).toEqual(['Modelo anterior.']);

    const endpoint = await admin('/models/fast', { apiKey: KEY, baseUrl: after.url });
    expect(endpoint.status).toBe(200);
    expect(endpoint.json['models']).toMatchObject({ fast: { apiKeySet: true, baseUrl: after.url } });
    const unknown = await admin('/model', { provider: 'nope' });
    expect(unknown).toMatchObject({ status: 400, json: { error: { code: 'TENANT_CONFIG_INVALID' } } });
    const chosen = await admin('/model', { provider: 'fast', name: 'fast-chat-2', timeoutMs: 12_000 });
    expect(chosen.status).toBe(200);
    expect(chosen.json['model']).toEqual({ provider: 'fast', name: 'fast-chat-2', timeoutMs: 12_000 });
    expect(JSON.stringify(chosen.json)).not.toContain(KEY);

    await say('¿Tienen rodillos?');
    await eventually(() => replies().length >= 2, 20_000);
    expect(replies()[1]).toBe('Modelo nuevo del tenant.');
    expect(after.calls.every((c) => c.apiKey === KEY && c.model === 'fast-chat-2')).toBe(true);
    // The tenant's selector was rebuilt on the new settings too: the second turn's selection went to `after`.
    expect(before.calls.filter(isSelectorCall)).toHaveLength(1);
    expect(after.calls.filter(isSelectorCall)).toHaveLength(1);
    // The key is nowhere in the embedded store's files: only its sealed form.
    expect(filesContaining(app.runtime.settings.DATA_DIR, KEY)).toEqual([]);
  }, 60_000);
});

function filesContaining(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file).includes(text));
}
