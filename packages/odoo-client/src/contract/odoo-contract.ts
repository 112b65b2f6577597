import { afterAll, describe, expect, it } from '@jest/globals';
import { isOdooError } from '../errors/odoo-error.js';
import type { OdooClient } from '../odoo-client.js';

/** Builds a client for the Odoo under test; `apiKey` overrides the key (wrong-key test). */
export type OdooClientFactory = (overrides?: { apiKey?: string }) => OdooClient;

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isOdooError(error) ? error.code : `not an OdooError: ${String(error)}`;
  }
}

/**
 * The behaviour every Odoo the client talks to must show (a real Odoo 16-19, or the sandbox).
 * Independent of demo data: it creates the partner it reads, under a unique name prefix, and
 * deletes it afterwards.
 */
export function describeOdooContract(name: string, clientFactory: OdooClientFactory): void {
  describe(`Odoo contract: ${name}`, () => {
    const prefix = `mcp-crew-contract-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const client = clientFactory();
    const created: number[] = [];

    afterAll(async () => {
      const leftovers = await client.search('res.partner', [['name', '=like', `${prefix}%`]]).catch(() => []);
      const ids = [...new Set([...created, ...leftovers])];
      if (ids.length > 0) await client.unlink('res.partner', ids).catch(() => undefined);
    });

    it('reports its version and authenticates', async () => {
      const version = await client.version();
      expect(version.major).toBeGreaterThanOrEqual(16);
      expect(await client.authenticate()).toBeGreaterThan(0);
    });

    it('describes fields with fields_get', async () => {
      const fields = await client.fieldsGet('res.partner', ['string', 'type', 'relation']);
      expect(fields.name?.type).toBe('char');
      expect(fields.country_id).toMatchObject({ type: 'many2one', relation: 'res.country' });
    });

    it('creates, finds, reads, writes and deletes a partner', async () => {
      const id = await client.create('res.partner', {
        name: `${prefix} Ferretería Central`,
        email: `${prefix}@example.com`,
        is_company: true,
      });
      created.push(id);
      expect(id).toBeGreaterThan(0);

      const found = await client.searchRead('res.partner', [['name', 'ilike', prefix]], {
        fields: ['name', 'email', 'is_company', 'parent_id'],
        limit: 10,
      });
      expect(found).toEqual([
        {
          id,
          name: `${prefix} Ferretería Central`,
          email: `${prefix}@example.com`,
          is_company: true,
          parent_id: false,
        },
      ]);
      expect(await client.searchCount('res.partner', [['name', 'ilike', prefix]])).toBe(1);
      expect(await client.search('res.partner', [['email', '=', `${prefix}@example.com`]])).toEqual([id]);
      const named = await client.nameSearch('res.partner', prefix);
      expect(named.map(([nid]) => nid)).toEqual([id]);

      expect(await client.write('res.partner', [id], { phone: '+57 601 555 0101' })).toBe(true);
      const [read] = await client.read('res.partner', [id], ['phone']);
      expect(read).toEqual({ id, phone: '+57 601 555 0101' });

      expect(await client.unlink('res.partner', [id])).toBe(true);
      created.splice(created.indexOf(id), 1);
      expect(await client.read('res.partner', [id], ['name'])).toEqual([]);
    });

    it('maps errors: unknown model, unknown field, missing record, unknown method', async () => {
      expect(await errorCode(client.searchRead('no.such.model', []))).toBe('ODOO_UNKNOWN_MODEL');
      expect(
        await errorCode(client.searchRead('res.partner', [['id', '=', 0]], { fields: ['no_such_field'] })),
      ).toBe('ODOO_UNKNOWN_FIELD');
      expect(await errorCode(client.search('res.partner', [['no_such_field', '=', 1]]))).toBe(
        'ODOO_UNKNOWN_FIELD',
      );
      expect(await errorCode(client.write('res.partner', [2_000_000_000], { name: 'Ghost' }))).toBe(
        'ODOO_MISSING_RECORD',
      );
      expect(await errorCode(client.call('res.partner', 'no_such_method', [[1]]))).toBe(
        'ODOO_UNKNOWN_METHOD',
      );
    });

    it('refuses a wrong API key with ODOO_AUTH_FAILED', async () => {
      const wrong = clientFactory({ apiKey: 'definitely-not-the-key-0000' });
      expect(await errorCode(wrong.searchCount('res.partner', []))).toBe('ODOO_AUTH_FAILED');
    });
  });
}
