import { fileURLToPath } from 'node:url';
import { DEFAULT_TENANT_LIMITS, isCrewError, tenantId } from '@mcp-crew/core';
import { FileTenantDirectory } from './file-tenant-directory.js';

const shippedFile = fileURLToPath(new URL('../../../config/tenants.yaml', import.meta.url));

describe('FileTenantDirectory', () => {
  it('loads the shipped demo tenant with no environment at all', async () => {
    const dir = await FileTenantDirectory.load(shippedFile, { env: {}, sandboxUrl: 'http://127.0.0.1:8169' });
    const demo = await dir.get(tenantId('demo'));
    expect(demo).toMatchObject({ id: 'demo', language: 'es', defaultCrew: 'webchat', enabled: true });
    expect(demo?.chatwoot.baseUrl).toBeUndefined();
    expect(demo?.chatwoot.webhookSecret).toBeUndefined();
    expect(demo?.chatwoot.allowUnsignedWebhooks).toBe(false);
    expect(demo?.odoo).toMatchObject({
      url: 'http://127.0.0.1:8169',
      db: 'sandbox',
      user: 'admin',
      allowWrites: true,
    });
  });

  it('takes secrets from the environment and never prints them', async () => {
    const env = {
      DEMO_CHATWOOT_URL: 'http://127.0.0.1:3001',
      DEMO_CHATWOOT_BOT_TOKEN: 'bot-token-123456',
      DEMO_CHATWOOT_WEBHOOK_SECRET: 'whsec_test_secret',
    };
    const demo = (await FileTenantDirectory.load(shippedFile, { env })).peek('demo');
    expect(demo?.chatwoot.webhookSecret?.reveal()).toBe('whsec_test_secret');
    const printed = JSON.stringify(demo) + String(demo?.chatwoot.botToken);
    expect(printed).not.toContain('bot-token-123456');
    expect(printed).not.toContain('whsec_test_secret');
  });

  it('names the file and the field path of an invalid entry', () => {
    const text = 'tenants:\n  - id: Shop One\n    name: x\n    defaultCrew: telegram\n';
    try {
      FileTenantDirectory.fromText(text, 'tenants.yaml', { env: {} });
      throw new Error('expected a failure');
    } catch (error) {
      expect(isCrewError(error, 'TENANT_CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(/^tenants\.yaml: tenants\.0\.id: expected lowercase/);
      expect((error as Error).message).toContain('tenants.0.defaultCrew');
    }
  });

  it("gives every tenant default limits, takes its own, and names a wrong limit's path", () => {
    const text =
      'tenants:\n  - {id: a, name: A}\n  - {id: b, name: B, limits: {maxConcurrentTurns: 4, modelTokensPerMinute: 0}}\n';
    const dir = FileTenantDirectory.fromText(text, 'f.yaml', { env: {} });
    expect(dir.peek('a')?.limits).toEqual(DEFAULT_TENANT_LIMITS);
    expect(dir.peek('b')?.limits).toEqual({ maxConcurrentTurns: 4, modelTokensPerMinute: 0 });
    const wrong =
      'tenants:\n  - {id: a, name: A, limits: {maxConcurrentTurns: 0, modelTokensPerMinute: -5}}\n';
    expect(() => FileTenantDirectory.fromText(wrong, 'f.yaml', { env: {} })).toThrow(
      /tenants\.0\.limits\.maxConcurrentTurns: expected at least 1 turn at once.*tenants\.0\.limits\.modelTokensPerMinute: expected 0 \(no cap\) or more/,
    );
  });

  it('rejects duplicate ids and a real Odoo without credentials', () => {
    const dup = 'tenants:\n  - {id: a, name: A}\n  - {id: a, name: B}\n';
    expect(() => FileTenantDirectory.fromText(dup, 'f.yaml', { env: {} })).toThrow(
      'tenants.1.id: duplicate tenant id "a"',
    );
    const odoo = 'tenants:\n  - {id: a, name: A, odoo: {url: "https://erp.example.com"}}\n';
    expect(() => FileTenantDirectory.fromText(odoo, 'f.yaml', { env: {} })).toThrow(
      /odoo\.db, odoo\.user, odoo\.apiKey required/,
    );
  });

  it('interpolates defaults and treats empty values as unset', () => {
    const text = 'tenants:\n  - id: a\n    name: ${NAME:-Tienda}\n    chatwoot: {baseUrl: "${URL}"}\n';
    const a = FileTenantDirectory.fromText(text, 'f.yaml', { env: {} }).peek('a');
    expect(a?.name).toBe('Tienda');
    expect(a?.chatwoot.baseUrl).toBeUndefined();
  });
});
