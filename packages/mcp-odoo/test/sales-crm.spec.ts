import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secret } from '@mcp-crew/core';
import { OdooClient } from '@mcp-crew/odoo-client';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { OdooSalesCrm } from '../src/crm/odoo-sales-crm.js';

// The sales hand-over's ERP side on the sandbox (demo data: every customer's salesperson is the admin user,
// Carolina Restrepo). Against a real Odoo too when REAL_ODOO_URL and REAL_ODOO_API_KEY_FILE are set.
let sandbox: OdooSandbox;
let odoo: OdooClient;
let crm: OdooSalesCrm;
const stamp = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
  odoo = new OdooClient({
    url: sandbox.url,
    db: sandbox.db,
    user: sandbox.login,
    apiKey: new Secret(sandbox.apiKey),
    protocol: 'jsonrpc',
  });
  crm = new OdooSalesCrm(odoo);
});
afterAll(async () => {
  await sandbox?.close();
});

describe('OdooSalesCrm on the sandbox', () => {
  it("finds the customer by the contact's phone, then e-mail, only on exactly one match", async () => {
    expect(await crm.findPartner({ phone: '+57 300 123 4567' })).toBe(5); // Ana Gómez
    expect(await crm.findPartner({ email: 'CARLOS.PEREZ@example.com' })).toBe(6);
    expect(await crm.findPartner({ email: 'nadie@example.com' })).toBeUndefined();
  });

  it("gives the customer's salesperson with the user's e-mail, and finds users by e-mail", async () => {
    expect(await crm.salespeople({ partnerId: 5 })).toContainEqual({
      userId: 2,
      name: 'Carolina Restrepo',
      email: 'carolina.restrepo@pinturaselarcoiris.example.com',
      source: 'customer',
    });
    expect(await crm.userByEmail('Carolina.Restrepo@pinturaselarcoiris.example.com')).toEqual({
      userId: 2,
      name: 'Carolina Restrepo',
    });
    expect(await crm.userByEmail('nadie@example.com')).toBeUndefined();
  });

  it("puts the quotation's salesperson first", async () => {
    const seller = await odoo.create('res.users', {
      login: `vendedor-${stamp}`,
      name: 'Vendedor de Prueba',
      email: `vendedor-${stamp}@example.com`,
    });
    const order = await odoo.create('sale.order', { partner_id: 6, user_id: seller });
    const people = await crm.salespeople({ partnerId: 6, quotationId: order });
    expect(people.map((p) => [p.userId, p.source])).toEqual([
      [seller, 'quotation'],
      [2, 'customer'],
    ]);
  });

  it('creates the lead once, finds it again by its marker, and adds a later summary to it', async () => {
    const lead = {
      marker: `MCP-Crew · Chatwoot conversation 3/${stamp}`,
      title: 'Conversación por whatsapp con Cliente Nuevo',
      contactName: 'Cliente Nuevo',
      email: `nuevo-${stamp}@example.com`,
      summary: 'Resumen de la conversación\nLo que pidió el cliente: 200 galones de vinilo',
      userId: 2,
    };
    const first = await crm.upsertLead(lead);
    expect(first.created).toBe(true);
    // A retried hand-over whose record was lost: the same lead, not a second one.
    expect(await crm.upsertLead(lead)).toEqual({ id: first.id, created: false });
    const [row] = await odoo.read('crm.lead', [first.id], ['name', 'user_id', 'email_from', 'description']);
    expect(row).toMatchObject({ name: lead.title, email_from: lead.email });
    expect(String(row?.['description'])).toContain('200 galones de vinilo');
    expect(await odoo.searchCount('crm.lead', [['email_from', '=', lead.email]])).toBe(1);
  });

  it("updates the customer's open lead rather than making another", async () => {
    const open = await odoo.create('crm.lead', { name: `Bodega ${stamp}`, partner_id: 5, probability: 30 });
    const result = await crm.upsertLead({
      marker: `MCP-Crew · Chatwoot conversation 3/${stamp}-ana`,
      title: 'Conversación por whatsapp con Ana Gómez',
      partnerId: 5,
      summary: 'Quiere cotizar pintura para la bodega',
    });
    expect(result).toEqual({ id: open, created: false });
    const [row] = await odoo.read('crm.lead', [open], ['description']);
    expect(String(row?.['description'])).toContain('Quiere cotizar pintura para la bodega');
  });
});

const REAL_URL = process.env.REAL_ODOO_URL;
const REAL_KEY_FILE = process.env.REAL_ODOO_API_KEY_FILE;
const real = REAL_URL && REAL_KEY_FILE ? describe : describe.skip;
if (!REAL_URL)
  console.info('sales-crm.spec: real Odoo checks skipped (set REAL_ODOO_URL and REAL_ODOO_API_KEY_FILE)');

real('OdooSalesCrm on a real Odoo', () => {
  const client = () =>
    new OdooClient({
      url: REAL_URL!,
      db: process.env.REAL_ODOO_DB ?? 'odoo_ref',
      user: process.env.REAL_ODOO_USER ?? 'admin',
      apiKey: new Secret(readFileSync(REAL_KEY_FILE!, 'utf8').trim()),
      protocol: 'jsonrpc',
    });

  it("reads open leads' and partners' salespeople with their users' e-mails, and writes a lead once", async () => {
    const api = client();
    const real = new OdooSalesCrm(api);
    const [lead] = await api.searchRead(
      'crm.lead',
      [
        ['user_id', '!=', false],
        ['partner_id', '!=', false],
        ['probability', '<', 100],
      ],
      {
        fields: ['partner_id', 'user_id'],
        limit: 1,
      },
    );
    const partnerId = (lead!['partner_id'] as [number, string])[0];
    const userId = (lead!['user_id'] as [number, string])[0];
    const people = await real.salespeople({ partnerId });
    expect(people).toContainEqual(expect.objectContaining({ userId, source: 'lead' }));
    expect(people[0]?.email).toMatch(/@/);
    expect(await real.userByEmail(people[0]!.email!)).toMatchObject({ userId: people[0]!.userId });
    const marker = `MCP-Crew · Chatwoot conversation 0/${stamp}`;
    const created = await real.upsertLead({
      marker,
      title: `MCP-Crew check ${stamp}`,
      summary: 'check',
      userId,
    });
    expect(await real.upsertLead({ marker, title: `MCP-Crew check ${stamp}`, summary: 'check' })).toEqual({
      id: created.id,
      created: false,
    });
    expect(await api.searchCount('crm.lead', [['name', '=', `MCP-Crew check ${stamp}`]])).toBe(1);
  });
});
