import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { isCrewError, tenantId } from '@mcp-crew/core';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { readEncryptionKeyring } from './secrets/encryption-key.js';
import { SecretBox } from './secrets/secret-box.js';
import { seedTenantsFromFile } from './seed-tenants.js';
import { TenantStore } from './tenant-store.js';

const BOT = 'chatwoot-bot-token-123';
const HOOK = 'webhook-secret-456789';
const ODOO_KEY = 'odoo-api-key-abcdef';
const MODEL_KEY = 'sk-model-key-000111';
const demo = tenantId('demo');
const other = tenantId('otra');

const entry = {
  id: 'demo',
  name: 'Pinturas El Arcoíris',
  chatwoot: { baseUrl: 'http://127.0.0.1:3000', botToken: BOT, webhookSecret: HOOK },
  odoo: {
    url: 'http://127.0.0.1:8069',
    db: 'pinturas',
    user: 'bot@pinturas.co',
    apiKey: ODOO_KEY,
    allowWrites: false,
  },
  models: { openai: { apiKey: MODEL_KEY } },
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('TenantStore', () => {
  let docs: EmbeddedDocumentStore;
  let box: SecretBox;
  let clock: number;
  let store: TenantStore;
  const build = (ttl = 5000) =>
    new TenantStore({
      tenants: docs.tenants,
      secrets: box,
      auditLog: docs.auditLog,
      cacheTtlMs: ttl,
      now: () => clock,
    });

  beforeEach(() => {
    docs = new EmbeddedDocumentStore({ url: ':memory:' });
    box = new SecretBox(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: randomBytes(32).toString('base64') }));
    clock = Date.parse('2025-03-10T14:00:00.000Z');
    store = build();
  });
  afterEach(() => docs.close());

  it('creates with the tenants-file defaults and hands secrets out only as Secret', async () => {
    const created = await store.create(entry);
    expect(created).toMatchObject({
      id: 'demo',
      language: 'es',
      timezone: 'America/Bogota',
      enabled: true,
      defaultCrew: 'webchat',
      enabledSpecialists: ['sales', 'scheduling', 'business_rules', 'support'],
      odoo: { url: 'http://127.0.0.1:8069', db: 'pinturas', allowWrites: false, sandbox: false },
    });
    const read = await build().get(demo);
    expect(read?.chatwoot.botToken?.reveal()).toBe(BOT);
    expect(read?.chatwoot.webhookSecret?.reveal()).toBe(HOOK);
    expect(read?.odoo?.apiKey.reveal()).toBe(ODOO_KEY);
    expect((await store.modelCredentials(demo)).openai?.apiKey.reveal()).toBe(MODEL_KEY);
    expect(JSON.stringify(read)).not.toMatch(new RegExp(`${BOT}|${HOOK}|${ODOO_KEY}`));
  });

  it('stores no secret in plain text, and no secret reaches the audit log', async () => {
    await store.create(entry);
    await store.setChatwootCredentials(demo, { botToken: 'rotated-bot-token-9' });
    const stored = JSON.stringify(await docs.tenants.get(demo));
    for (const s of [BOT, HOOK, ODOO_KEY, MODEL_KEY, 'rotated-bot-token-9']) expect(stored).not.toContain(s);
    expect(stored).toMatch(/"botToken":"enc:v1:/);
    const audit = await docs.auditLog.list(demo, { kind: 'config_change' });
    expect(audit.map((e) => e.tool)).toEqual(['tenant.set_chatwoot_credentials', 'tenant.create']);
    expect(audit[0]?.arguments).toEqual({ chatwoot: { botToken: '[redacted]' } });
    expect(JSON.stringify(audit)).not.toMatch(/chatwoot-bot|webhook-secret|odoo-api|sk-model|rotated/);
  });

  it('validates with the file schema, naming fields and never values', async () => {
    const error = await rejection(
      store.create({ ...entry, chatwoot: { botToken: 'short' }, defaultCrew: 'fax' }),
    );
    expect(isCrewError(error, 'TENANT_CONFIG_INVALID')).toBe(true);
    expect((error as Error).message).toMatch(/chatwoot\.botToken: expected a secret of at least 8/);
    expect((error as Error).message).toMatch(/defaultCrew/);
    expect((error as Error).message).not.toContain('short');
    const noKey = await rejection(
      store.create({ id: 'x1', name: 'X', odoo: { url: 'http://127.0.0.1:8069' } }),
    );
    expect((noKey as Error).message).toMatch(/odoo.db, odoo.user, odoo.apiKey required/);
    await store.create(entry);
    expect(isCrewError(await rejection(store.create(entry)), 'DOCUMENT_CONFLICT')).toBe(true);
  });

  it('applies the operations: disable, inbox map, specialists, write tools, models', async () => {
    await store.create(entry);
    expect((await store.disable(demo)).enabled).toBe(false);
    expect((await store.enable(demo)).enabled).toBe(true);
    await store.mapInbox(demo, 12, 'whatsapp');
    expect((await store.mapInbox(demo, 13, 'email')).inboxCrews).toEqual({ '12': 'whatsapp', '13': 'email' });
    expect((await store.mapInbox(demo, 12, null)).inboxCrews).toEqual({ '13': 'email' });
    expect((await store.setEnabledSpecialists(demo, ['sales'])).enabledSpecialists).toEqual(['sales']);
    expect((await store.setWriteTools(demo, true)).odoo?.allowWrites).toBe(true);
    await store.setModelCredentials(demo, 'groq', {
      apiKey: 'gsk-0123456789',
      baseUrl: 'https://api.groq.com/openai/v1',
    });
    await store.setModelCredentials(demo, 'openai', null);
    expect(Object.keys(await store.modelCredentials(demo))).toEqual(['groq']);
    const after = await store.get(demo);
    expect(after?.odoo?.apiKey.reveal()).toBe(ODOO_KEY);
    expect((await docs.tenants.get(demo))?.revision).toBe(10);
    const bad = await rejection(store.setEnabledSpecialists(demo, []));
    expect(isCrewError(bad, 'TENANT_CONFIG_INVALID')).toBe(true);
    expect(isCrewError(await rejection(store.update(demo, { id: 'otra' })), 'TENANT_ID_IMMUTABLE')).toBe(
      true,
    );
    expect(isCrewError(await rejection(store.disable(other)), 'TENANT_NOT_FOUND')).toBe(true);
  });

  it('serves reads from the cache until a write through it, or the TTL, says otherwise', async () => {
    await store.create(entry);
    const reader = build(1000);
    expect((await reader.get(demo))?.name).toBe('Pinturas El Arcoíris');
    await store.update(demo, { name: 'Arcoíris Pinturas' });
    // Another instance (another process) still has its copy until the TTL runs out...
    expect((await reader.get(demo))?.name).toBe('Pinturas El Arcoíris');
    clock += 1001;
    expect((await reader.get(demo))?.name).toBe('Arcoíris Pinturas');
    // ...while the writer's own cache is invalidated at once, list included.
    expect((await store.list()).map((t) => t.name)).toEqual(['Arcoíris Pinturas']);
    await store.disable(demo);
    expect((await store.get(demo))?.enabled).toBe(false);
    expect((await store.list())[0]?.enabled).toBe(false);
    reader.invalidate(demo);
    expect((await reader.get(demo))?.enabled).toBe(false);
  });

  it('re-reads and retries when another writer got there first', async () => {
    await store.create(entry);
    const racer = build(0);
    const original = docs.tenants.replace.bind(docs.tenants);
    let raced = false;
    docs.tenants.replace = async (...args) => {
      if (!raced) {
        raced = true;
        await racer.mapInbox(demo, 1, 'instagram');
      }
      return original(...args);
    };
    const result = await store.mapInbox(demo, 2, 'facebook');
    expect(result.inboxCrews).toEqual({ '1': 'instagram', '2': 'facebook' });
  });

  it('keeps working after a key rotation and re-seals with the new key', async () => {
    const oldKey = randomBytes(32).toString('hex');
    const newKey = randomBytes(32).toString('hex');
    const before = new TenantStore({
      tenants: docs.tenants,
      secrets: new SecretBox(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: oldKey })),
    });
    await before.create(entry);
    const rotatedBox = new SecretBox(
      readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: newKey, CONFIG_ENCRYPTION_KEY_PREVIOUS: oldKey }),
    );
    const after = new TenantStore({ tenants: docs.tenants, secrets: rotatedBox });
    expect((await after.get(demo))?.odoo?.apiKey.reveal()).toBe(ODOO_KEY);
    expect(await after.reseal()).toEqual([demo]);
    const onlyNew = new TenantStore({
      tenants: docs.tenants,
      secrets: new SecretBox(readEncryptionKeyring({ CONFIG_ENCRYPTION_KEY: newKey })),
    });
    expect((await onlyNew.get(demo))?.chatwoot.botToken?.reveal()).toBe(BOT);
  });

  it('seeds from the tenants file, idempotently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crew-seed-'));
    try {
      const file = join(dir, 'tenants.yaml');
      writeFileSync(
        file,
        [
          'tenants:',
          '  - id: demo',
          '    name: Pinturas El Arcoíris',
          '    chatwoot:',
          '      botToken: ${SEED_BOT_TOKEN:-}',
          '    odoo:',
          '      url: sandbox',
          '      allowWrites: true',
          '  - id: otra',
          '    name: Otra Tienda',
        ].join('\n'),
      );
      const seeded = await seedTenantsFromFile(store, file, { env: { SEED_BOT_TOKEN: BOT } });
      expect(seeded).toEqual({ created: [demo, other], updated: [], skipped: [] });
      const demoConfig = await store.get(demo);
      expect(demoConfig?.chatwoot.botToken?.reveal()).toBe(BOT);
      expect(demoConfig?.odoo).toMatchObject({
        url: 'sandbox',
        db: 'sandbox',
        sandbox: true,
        allowWrites: true,
      });
      await store.update(other, { name: 'Otra Tienda SAS' });
      expect(await seedTenantsFromFile(store, file, { env: {} })).toEqual({
        created: [],
        updated: [],
        skipped: [demo, other],
      });
      expect((await store.get(other))?.name).toBe('Otra Tienda SAS');
      expect((await seedTenantsFromFile(store, file, { env: {}, overwrite: true })).updated).toEqual([
        demo,
        other,
      ]);
      expect((await store.get(other))?.name).toBe('Otra Tienda');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
