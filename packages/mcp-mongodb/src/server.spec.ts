import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { tenantId } from '@mcp-crew/core';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import {
  BusinessDataService,
  DocumentWriteAudit,
  recordHandoff,
  seedBusinessDataFromFile,
} from '@mcp-crew/tenant-store';
import { buildMongoMcpServer } from './server.js';
import { untypedToolParameters } from '@mcp-crew/testing';

const DEMO_FILE = fileURLToPath(new URL('../../../collections/business_data/demo.yaml', import.meta.url));
const demo = tenantId('demo');
const other = tenantId('otra');
// Monday 10 March 2025, 10:00 in Bogotá/Medellín (UTC-5).
const MONDAY_10AM = Date.parse('2025-03-10T15:00:00.000Z');

describe('MCP-MongoDB tools (in process, demo business data)', () => {
  let docs: EmbeddedDocumentStore;
  let business: BusinessDataService;
  let client: Client;
  let now: number;
  const connect = (tenant = demo) =>
    connectInProcess(buildMongoMcpServer({ tenant, business, auditLog: docs.auditLog, now: () => now }));

  beforeEach(async () => {
    docs = new EmbeddedDocumentStore({ url: ':memory:' });
    business = new BusinessDataService(docs.businessData);
    await seedBusinessDataFromFile(business, demo, DEMO_FILE);
    now = MONDAY_10AM;
    client = await connect();
  });
  afterEach(async () => {
    await client.close();
    await docs.close();
  });

  const call = async (name: string, args: Record<string, unknown> = {}) =>
    client.callTool({ name, arguments: args });

  it('lists read-only tools with output schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      'business_get_opening_hours',
      'business_get_delivery_zones',
      'business_get_payment_methods',
      'business_search_faq',
      'business_list_datasets',
      'business_get_dataset',
      'interactions_recent_for_contact',
    ]);
    for (const tool of tools) {
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    }
    // A model following the advertised schemas can fill every parameter.
    expect(untypedToolParameters(tools)).toEqual([]);
  });

  it('answers opening hours and whether the shop is open in its timezone', async () => {
    const open = await call('business_get_opening_hours');
    expect(open.structuredContent).toMatchObject({
      timezone: 'America/Bogota',
      open_now: true,
      local_time: 'mon 10:00',
    });
    expect((open.structuredContent as { hours: unknown[] }).hours).toHaveLength(6);
    now = Date.parse('2025-03-16T15:00:00.000Z'); // Sunday
    expect((await call('business_get_opening_hours')).structuredContent).toMatchObject({
      open_now: false,
      local_time: 'sun 10:00',
      next_opening: 'mon 2025-03-17 07:30',
    });
    now = Date.parse('2026-12-08T15:00:00.000Z'); // a Tuesday, and a holiday in the demo data
    expect((await call('business_get_opening_hours')).structuredContent).toMatchObject({
      open_now: false,
      local_time: 'tue 10:00',
      next_opening: 'wed 2026-12-09 07:30',
    });
  });

  it('finds the delivery zone and fee for a place, accents and case ignored', async () => {
    const result = await call('business_get_delivery_zones', { place: 'itagui' });
    expect(result.structuredContent).toMatchObject({
      currency: 'COP',
      match: { zone: 'Zona 2', fee: 12000 },
      free_shipping_from: 300000,
    });
    expect(result.content).toEqual([
      { type: 'text', text: expect.stringContaining('Zona 2, fee 12000 COP') },
    ]);
    const none = await call('business_get_delivery_zones', { place: 'Cartagena' });
    expect((none.structuredContent as { match: unknown }).match).toBeNull();
  });

  it('lists payment methods, optionally for one context', async () => {
    const all = await call('business_get_payment_methods');
    expect((all.structuredContent as { methods: Array<{ id: string }> }).methods.map((m) => m.id)).toEqual([
      'efectivo',
      'nequi',
      'daviplata',
      'transferencia',
      'tarjeta',
    ]);
    const prepaid = await call('business_get_payment_methods', { context: 'prepaid' });
    expect(
      (prepaid.structuredContent as { methods: Array<{ id: string }> }).methods.map((m) => m.id),
    ).toEqual(['nequi', 'daviplata', 'transferencia']);
  });

  it('searches the FAQ', async () => {
    const result = await call('business_search_faq', { query: '¿Abren el domingo?' });
    expect((result.structuredContent as { matches: Array<{ id: string }> }).matches[0]?.id).toBe('domingos');
    const iva = await call('business_search_faq', { query: 'precios con IVA', limit: 1 });
    expect((iva.structuredContent as { matches: Array<{ id: string }> }).matches.map((m) => m.id)).toEqual([
      'iva',
    ]);
  });

  it('lists and reads datasets, and refuses bad input through the schema', async () => {
    const list = await call('business_list_datasets');
    expect(
      (list.structuredContent as { datasets: Array<{ name: string }> }).datasets.map((d) => d.name),
    ).toEqual(['delivery_zones', 'faq', 'opening_hours', 'payment_methods']);
    const faq = await call('business_get_dataset', { name: 'faq' });
    expect((faq.structuredContent as { records: unknown[] }).records).toHaveLength(6);
    const missing = await call('business_get_dataset', { name: 'promociones' });
    expect(missing.isError).toBe(true);
    expect(missing.content).toEqual([
      { type: 'text', text: expect.stringMatching(/^BUSINESS_DATA_NOT_FOUND/) },
    ]);
    const bad = await call('business_get_dataset', { name: '{"$where": 1}' });
    expect(bad.isError).toBe(true);
  });

  it("returns a contact's recent Odoo writes and handoffs, newest first", async () => {
    const audit = new DocumentWriteAudit(docs.auditLog).forConversation({
      conversationId: 31,
      contactId: 501,
    });
    await audit.record({
      tenantId: 'demo',
      tool: 'odoo_create_quotation',
      arguments: { partner_id: 7, lines: [{ product_id: 3, qty: 2 }] },
      outcome: 'ok',
      result: { id: 42, name: 'S00042' },
      durationMs: 80,
      at: '2025-03-10T14:00:00.000Z',
    });
    await recordHandoff(docs.auditLog, demo, {
      conversationId: 31,
      contactId: 501,
      reason: 'Pide factura',
      at: '2025-03-10T14:05:00.000Z',
    });
    await docs.auditLog.append(demo, {
      kind: 'odoo_write',
      tool: 'odoo_create_partner',
      arguments: {},
      outcome: 'ok',
      at: '2025-03-10T14:06:00.000Z',
      contactId: 999,
    });
    const result = await call('interactions_recent_for_contact', { contact_id: 501 });
    expect(result.structuredContent).toEqual({
      interactions: [
        {
          at: '2025-03-10T14:05:00.000Z',
          kind: 'handoff',
          tool: 'chatwoot_handoff_to_human',
          outcome: 'ok',
          conversation_id: 31,
          arguments: { reason: 'Pide factura', labels: [] },
        },
        {
          at: '2025-03-10T14:00:00.000Z',
          kind: 'odoo_write',
          tool: 'odoo_create_quotation',
          outcome: 'ok',
          conversation_id: 31,
          arguments: { partner_id: 7, lines: [{ product_id: 3, qty: 2 }] },
          result: { id: 42, name: 'S00042' },
        },
      ],
    });
  });

  it("a server built for one tenant never reads another tenant's data", async () => {
    await docs.auditLog.append(demo, {
      kind: 'handoff',
      tool: 'chatwoot_handoff_to_human',
      arguments: {},
      outcome: 'ok',
      at: '2025-03-10T14:00:00.000Z',
      contactId: 501,
    });
    const otherClient = await connect(other);
    try {
      const hours = await otherClient.callTool({ name: 'business_get_opening_hours', arguments: {} });
      expect(hours.isError).toBe(true);
      const list = await otherClient.callTool({ name: 'business_list_datasets', arguments: {} });
      expect(list.structuredContent).toEqual({ datasets: [] });
      const history = await otherClient.callTool({
        name: 'interactions_recent_for_contact',
        arguments: { contact_id: 501 },
      });
      expect(history.structuredContent).toEqual({ interactions: [] });
    } finally {
      await otherClient.close();
    }
  });
});
