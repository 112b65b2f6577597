import { describe, expect, it } from '@jest/globals';
import { isCrewError, tenantId, type DocumentStore, type NewAuditEntry } from '@mcp-crew/core';
import { storesPerTest, type StoreUnderTest } from './stores-under-test.js';

export type DocumentStoreUnderTest = StoreUnderTest<DocumentStore>;

const a = tenantId('tienda-a');
const b = tenantId('tienda-b');
const T0 = '2025-03-10T14:00:00.000Z';
const T1 = '2025-03-10T15:00:00.000Z';

function write(tool: string, at: string, extra: Partial<NewAuditEntry> = {}): NewAuditEntry {
  return {
    kind: 'odoo_write',
    tool,
    arguments: { partner_id: 7 },
    outcome: 'ok',
    result: { id: 42 },
    at,
    ...extra,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * The behaviour every `DocumentStore` adapter must have, including tenant isolation: tenant A's reads,
 * updates and deletes never see or touch tenant B's documents. The factory returns an empty store.
 */
export function describeDocumentStoreContract(
  name: string,
  factory: () => Promise<DocumentStoreUnderTest>,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    const start = storesPerTest(factory);

    describe('tenants', () => {
      it('creates at revision 1, reads back and lists', async () => {
        const store = await start();
        const created = await store.tenants.create(a, { name: 'Tienda A', nested: { n: 1 } }, T0);
        expect(created).toEqual({
          id: a,
          config: { name: 'Tienda A', nested: { n: 1 } },
          revision: 1,
          createdAt: T0,
          updatedAt: T0,
        });
        await store.tenants.create(b, { name: 'Tienda B' }, T0);
        expect(await store.tenants.get(a)).toEqual(created);
        expect((await store.tenants.list()).map((t) => t.id).sort()).toEqual([a, b]);
        expect(await store.tenants.get(tenantId('nadie'))).toBeUndefined();
      });

      it('refuses a second create of the same id', async () => {
        const store = await start();
        await store.tenants.create(a, { name: 'first' }, T0);
        const error = await rejection(store.tenants.create(a, { name: 'second' }, T1));
        expect(isCrewError(error, 'DOCUMENT_CONFLICT')).toBe(true);
        expect((await store.tenants.get(a))?.config).toEqual({ name: 'first' });
      });

      it('replaces with the expected revision only', async () => {
        const store = await start();
        await store.tenants.create(a, { name: 'v1' }, T0);
        const v2 = await store.tenants.replace(a, { name: 'v2' }, 1, T1);
        expect(v2).toMatchObject({ revision: 2, config: { name: 'v2' }, createdAt: T0, updatedAt: T1 });
        const stale = await rejection(store.tenants.replace(a, { name: 'lost update' }, 1, T1));
        expect(isCrewError(stale, 'DOCUMENT_CONFLICT')).toBe(true);
        const missing = await rejection(store.tenants.replace(b, { name: 'x' }, 1, T1));
        expect(isCrewError(missing, 'DOCUMENT_NOT_FOUND')).toBe(true);
        expect(await store.tenants.get(b)).toBeUndefined();
        expect((await store.tenants.get(a))?.config).toEqual({ name: 'v2' });
      });

      it('removes one tenant and keeps the others', async () => {
        const store = await start();
        await store.tenants.create(a, { name: 'A' }, T0);
        await store.tenants.create(b, { name: 'B' }, T0);
        expect(await store.tenants.remove(a)).toBe(true);
        expect(await store.tenants.remove(a)).toBe(false);
        expect((await store.tenants.list()).map((t) => t.id)).toEqual([b]);
      });

      it('hands out copies', async () => {
        const store = await start();
        const config = { name: 'A', inboxCrews: { '1': 'whatsapp' } };
        const created = await store.tenants.create(a, config, T0);
        config.inboxCrews['1'] = 'email';
        (created.config as { name: string }).name = 'changed';
        const read = await store.tenants.get(a);
        (read!.config as { name: string }).name = 'changed again';
        expect((await store.tenants.get(a))?.config).toEqual({ name: 'A', inboxCrews: { '1': 'whatsapp' } });
      });
    });

    describe('crew overrides', () => {
      it('puts, replaces, lists and removes per tenant', async () => {
        const store = await start();
        await store.crewOverrides.put(a, 'whatsapp', { policy: { maxLength: 1000 } }, T0);
        const replaced = await store.crewOverrides.put(a, 'whatsapp', { policy: { maxLength: 800 } }, T1);
        expect(replaced).toEqual({
          tenantId: a,
          crew: 'whatsapp',
          override: { policy: { maxLength: 800 } },
          updatedAt: T1,
        });
        await store.crewOverrides.put(a, 'email', { tone: 'formal' }, T0);
        expect(await store.crewOverrides.get(a, 'whatsapp')).toEqual(replaced);
        expect((await store.crewOverrides.list(a)).map((o) => o.crew).sort()).toEqual(['email', 'whatsapp']);
        expect(await store.crewOverrides.remove(a, 'email')).toBe(true);
        expect(await store.crewOverrides.remove(a, 'email')).toBe(false);
        expect((await store.crewOverrides.list(a)).map((o) => o.crew)).toEqual(['whatsapp']);
      });

      it("never reads, replaces or removes another tenant's override", async () => {
        const store = await start();
        await store.crewOverrides.put(b, 'whatsapp', { owner: 'b' }, T0);
        expect(await store.crewOverrides.get(a, 'whatsapp')).toBeUndefined();
        expect(await store.crewOverrides.list(a)).toEqual([]);
        expect(await store.crewOverrides.remove(a, 'whatsapp')).toBe(false);
        await store.crewOverrides.put(a, 'whatsapp', { owner: 'a' }, T1);
        expect((await store.crewOverrides.get(b, 'whatsapp'))?.override).toEqual({ owner: 'b' });
        expect((await store.crewOverrides.get(a, 'whatsapp'))?.override).toEqual({ owner: 'a' });
      });
    });

    describe('business data', () => {
      const zones = {
        name: 'delivery_zones',
        description: 'Zonas de domicilio',
        meta: { currency: 'COP' },
        records: [
          { zone: 'Zona 1', fee: 8000 },
          { zone: 'Zona 2', fee: 12000 },
        ],
        updatedAt: T0,
      };

      it('puts, reads, summarises and replaces a dataset', async () => {
        const store = await start();
        expect(await store.businessData.put(a, zones)).toEqual({ tenantId: a, ...zones });
        await store.businessData.put(a, {
          name: 'faq',
          description: 'Preguntas',
          meta: {},
          records: [],
          updatedAt: T0,
        });
        expect(await store.businessData.get(a, 'delivery_zones')).toEqual({ tenantId: a, ...zones });
        expect(await store.businessData.list(a)).toEqual([
          { name: 'delivery_zones', description: 'Zonas de domicilio', recordCount: 2, updatedAt: T0 },
          { name: 'faq', description: 'Preguntas', recordCount: 0, updatedAt: T0 },
        ]);
        await store.businessData.put(a, {
          ...zones,
          records: [{ zone: 'Zona 1', fee: 9000 }],
          updatedAt: T1,
        });
        expect((await store.businessData.get(a, 'delivery_zones'))?.records).toEqual([
          { zone: 'Zona 1', fee: 9000 },
        ]);
        expect(await store.businessData.remove(a, 'faq')).toBe(true);
        expect((await store.businessData.list(a)).map((d) => d.name)).toEqual(['delivery_zones']);
      });

      it("never reads, replaces or removes another tenant's dataset", async () => {
        const store = await start();
        await store.businessData.put(b, zones);
        expect(await store.businessData.get(a, 'delivery_zones')).toBeUndefined();
        expect(await store.businessData.list(a)).toEqual([]);
        expect(await store.businessData.remove(a, 'delivery_zones')).toBe(false);
        await store.businessData.put(a, { ...zones, records: [] });
        expect((await store.businessData.get(b, 'delivery_zones'))?.records).toHaveLength(2);
        expect((await store.businessData.get(a, 'delivery_zones'))?.records).toEqual([]);
      });

      it('hands out copies', async () => {
        const store = await start();
        const input = structuredClone(zones);
        await store.businessData.put(a, input);
        input.records.push({ zone: 'Zona 9', fee: 1 });
        const read = await store.businessData.get(a, 'delivery_zones');
        read!.records.length = 0;
        expect((await store.businessData.get(a, 'delivery_zones'))?.records).toHaveLength(2);
      });
    });

    describe('audit log', () => {
      it('appends with an id and lists newest first', async () => {
        const store = await start();
        const first = await store.auditLog.append(
          a,
          write('odoo_create_partner', T0, { conversationId: 5, contactId: 9, durationMs: 12 }),
        );
        expect(first).toEqual({
          id: expect.any(String),
          tenantId: a,
          ...write('odoo_create_partner', T0, { conversationId: 5, contactId: 9, durationMs: 12 }),
        });
        const second = await store.auditLog.append(
          a,
          write('odoo_create_quotation', T1, { conversationId: 5 }),
        );
        expect(second.id).not.toBe(first.id);
        expect((await store.auditLog.list(a)).map((e) => e.tool)).toEqual([
          'odoo_create_quotation',
          'odoo_create_partner',
        ]);
      });

      it('keeps append order among entries with the same time', async () => {
        const store = await start();
        for (const tool of ['t1', 't2', 't3']) await store.auditLog.append(a, write(tool, T0));
        expect((await store.auditLog.list(a)).map((e) => e.tool)).toEqual(['t3', 't2', 't1']);
      });

      it('filters by conversation, contact, kind and time, and limits', async () => {
        const store = await start();
        await store.auditLog.append(a, write('w1', T0, { conversationId: 1, contactId: 10 }));
        await store.auditLog.append(a, write('w2', T1, { conversationId: 2, contactId: 10 }));
        await store.auditLog.append(a, {
          kind: 'handoff',
          tool: 'chatwoot_handoff_to_human',
          arguments: { reason: 'pide asesor' },
          outcome: 'ok',
          at: T1,
          conversationId: 2,
          contactId: 11,
        });
        const tools = async (q: Parameters<DocumentStore['auditLog']['list']>[1]) =>
          (await store.auditLog.list(a, q)).map((e) => e.tool);
        expect(await tools({ conversationId: 2 })).toEqual(['chatwoot_handoff_to_human', 'w2']);
        expect(await tools({ contactId: 10 })).toEqual(['w2', 'w1']);
        expect(await tools({ kind: 'handoff' })).toEqual(['chatwoot_handoff_to_human']);
        expect(await tools({ since: T1, kind: 'odoo_write' })).toEqual(['w2']);
        expect(await tools({ limit: 1 })).toEqual(['chatwoot_handoff_to_human']);
      });

      it('keeps error entries whole', async () => {
        const store = await start();
        await store.auditLog.append(a, {
          kind: 'odoo_write',
          tool: 'odoo_confirm_order',
          arguments: { order_id: 3 },
          outcome: 'error',
          error: 'ODOO_ACCESS_DENIED',
          at: T0,
        });
        const [entry] = await store.auditLog.list(a);
        expect(entry).toMatchObject({
          outcome: 'error',
          error: 'ODOO_ACCESS_DENIED',
          arguments: { order_id: 3 },
        });
        expect(entry?.result).toBeUndefined();
        expect(entry?.conversationId).toBeUndefined();
      });

      it("never lists another tenant's entries", async () => {
        const store = await start();
        await store.auditLog.append(b, write('of-b', T0, { conversationId: 1, contactId: 10 }));
        expect(await store.auditLog.list(a)).toEqual([]);
        expect(await store.auditLog.list(a, { conversationId: 1 })).toEqual([]);
        expect(await store.auditLog.list(a, { contactId: 10 })).toEqual([]);
        await store.auditLog.append(a, write('of-a', T0));
        expect((await store.auditLog.list(b)).map((e) => e.tool)).toEqual(['of-b']);
      });
    });
  });
}
