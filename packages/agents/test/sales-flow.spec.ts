import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OdooSandbox } from '@mcp-crew/odoo-sandbox';
import type { OdooClient } from '@mcp-crew/odoo-client';
import { startSandboxWithClient } from '@mcp-crew/odoo-sandbox/testing';
import { EMPTY_CONVERSATION_STATE, type ConversationState } from '@mcp-crew/core';
import { AgentSpecialistRegistry, createOfflineEngine, InProcessTenantTools } from '../src/index.js';
import { crew, demoTenant, nextState, turnOf } from './support.js';

// Ana writes from the phone Odoo has for her: the channel identity links the conversation to her account.
const ANA = { name: 'Ana Gómez', phone: '+57 300 123 4567' };

describe('sales specialist on the offline engine, against the Odoo sandbox over HTTP', () => {
  let sandbox: OdooSandbox;
  let registry: AgentSpecialistRegistry;
  let odoo: OdooClient;
  const engine = createOfflineEngine();

  beforeAll(async () => {
    ({ sandbox, odoo } = await startSandboxWithClient());
    registry = new AgentSpecialistRegistry({ tools: new InProcessTenantTools(), model: () => engine });
  });
  afterAll(async () => {
    await registry.close();
    await sandbox.close();
  });

  it("quotes for the customer the contact's phone links, then confirms on an explicit yes", async () => {
    const tenant = demoTenant(sandbox.url);
    const whatsapp = await crew('whatsapp');
    const sales = registry.get(tenant, 'sales')!;
    const said = 'Hola, soy Ana Gómez, necesito 2 galones de esmalte blanco y 3 rodillos';
    const first = await sales.handle(turnOf(said, ANA), {
      tenant,
      crew: whatsapp,
      specialist: 'sales',
      state: EMPTY_CONVERSATION_STATE,
    });
    expect(first.handoff).toBeUndefined();
    const quotation = first.state?.quotation;
    expect(quotation?.name).toMatch(/^S\d{5}$/);
    const [order] = await odoo.read('sale.order', [quotation!.id], ['state', 'amount_total', 'partner_id']);
    expect(order?.['state']).toBe('draft');
    const lines = await odoo.searchRead('sale.order.line', [['order_id', '=', quotation!.id]], {
      fields: ['product_id', 'product_uom_qty'],
    });
    expect(lines.map((l) => [(l['product_id'] as [number, string])[1], l['product_uom_qty']])).toEqual([
      [expect.stringMatching(/Esmalte Sintético Blanco Galón$/), 2],
      [expect.stringMatching(/\] Rodillo/), 3],
    ]);
    expect(first.replies[0]).toContain(quotation!.name);
    expect(first.state?.pendingConfirmation).toMatchObject({
      tool: 'odoo_confirm_quotation',
      target: { orderId: quotation!.id },
    });

    const state: ConversationState = nextState(EMPTY_CONVERSATION_STATE, said, first);
    const second = await sales.handle(turnOf('sí, confírmala', ANA), {
      tenant,
      crew: whatsapp,
      specialist: 'sales',
      state,
    });
    const [confirmed] = await odoo.read('sale.order', [quotation!.id], ['state']);
    expect(confirmed?.['state']).toBe('sale');
    expect(second.state?.pendingConfirmation).toBeUndefined();
  });
});
