import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  call,
  connectStack,
  ok,
  startOdooSandbox,
  TENANT,
  type OdooMcpStack,
  type OdooSandbox,
} from './stack.js';

// MCP-Odoo through the SDK's Client (in-process transport), acting on the Odoo sandbox over real HTTP.
let sandbox: OdooSandbox;
let stack: OdooMcpStack;

beforeAll(async () => {
  sandbox = await startOdooSandbox({ port: 0 });
  stack = await connectStack(sandbox);
});
afterAll(async () => {
  await stack?.close();
  await sandbox?.close();
});

/** A weekday (1 = Monday) at least a week from now, as YYYY-MM-DD: slots must lie in the future. */
function futureWeekday(weekday: number): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function productByCode(code: string): Promise<{ id: number; price: number; name: string }> {
  const { data } = await ok(stack.client, 'odoo_search_products', { query: code, limit: 1 });
  const product = data.products[0];
  expect(product?.default_code).toBe(code);
  return product;
}

describe('MCP-Odoo tools on the sandbox', () => {
  it('lists every tool with hints that match what it does', async () => {
    const { tools } = await stack.client.listTools();
    const hints = Object.fromEntries(tools.map((t) => [t.name, t.annotations]));
    expect(tools).toHaveLength(19);
    const reads = [
      'odoo_find_customers',
      'odoo_get_customer',
      'odoo_search_products',
      'odoo_get_product',
      'odoo_check_stock',
      'odoo_get_order',
      'odoo_list_customer_orders',
      'odoo_order_status',
      'odoo_free_slots',
      'odoo_ticket_status',
      'odoo_search_read',
    ];
    for (const name of reads)
      expect(hints[name]).toEqual({
        title: expect.any(String),
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      });
    // [destructive: deletes or overwrites what is there, idempotent: a repeat changes nothing more]
    const writes: Record<string, [boolean, boolean]> = {
      odoo_upsert_customer: [true, false], // overwrites a contact's fields; without an id, each call creates one
      odoo_create_quotation: [false, false],
      odoo_update_quotation_lines: [true, false], // removes lines
      odoo_confirm_quotation: [true, true],
      odoo_cancel_quotation: [true, true],
      odoo_create_lead: [false, false],
      odoo_book_appointment: [false, false], // adds an event
      odoo_open_ticket: [false, false],
    };
    for (const [name, [destructiveHint, idempotentHint]] of Object.entries(writes)) {
      expect(hints[name]).toEqual({
        title: expect.any(String),
        readOnlyHint: false,
        destructiveHint,
        idempotentHint,
        openWorldHint: false,
      });
    }
    expect(Object.keys(hints).sort()).toEqual([...reads, ...Object.keys(writes)].sort());
    expect(tools.every((t) => t.outputSchema && t.inputSchema.type === 'object')).toBe(true);
  });

  it('finds a customer by name words in any order, by phone digits and by e-mail', async () => {
    const byWords = await ok(stack.client, 'odoo_find_customers', { query: 'gómez ana' });
    expect(byWords.data.customers.map((c: { name: string }) => c.name)).toEqual(['Ana Gómez']);
    expect(byWords.text).toContain('Ana Gómez');

    const byPhone = await ok(stack.client, 'odoo_find_customers', { query: '300-123-4567' });
    expect(byPhone.data.customers).toEqual([
      expect.objectContaining({ id: 5, name: 'Ana Gómez', phone: '+57 300 123 4567', city: 'Medellín' }),
    ]);

    const byMail = await ok(stack.client, 'odoo_find_customers', { query: 'compras@ferreteriaelsol' });
    expect(byMail.data.customers[0]).toMatchObject({
      id: 10,
      name: 'Ferretería El Sol S.A.S.',
      isCompany: true,
    });

    const many = await ok(stack.client, 'odoo_find_customers', { query: 'S.A.S.', limit: 2 });
    expect(many.data).toMatchObject({
      count: 5,
      truncated: true,
      hint: expect.stringContaining('showing 2 of 5'),
    });

    const none = await ok(stack.client, 'odoo_find_customers', { query: 'Nadie Inexistente' });
    expect(none.data).toMatchObject({ customers: [], count: 0, truncated: false });
  });

  it("searches products with the customer's pricelist price and stock, bounded with a hint", async () => {
    const retail = await ok(stack.client, 'odoo_search_products', {
      query: 'vinilo tipo 1 blanco',
      customer_id: 5,
    });
    const wholesale = await ok(stack.client, 'odoo_search_products', {
      query: 'vinilo tipo 1 blanco',
      customer_id: 10,
    });
    const galon = retail.data.products.find((p: { default_code: string }) => p.default_code === 'VT1-BLA-GL');
    const galonWholesale = wholesale.data.products.find(
      (p: { default_code: string }) => p.default_code === 'VT1-BLA-GL',
    );
    expect(galon).toMatchObject({ price: 62900, stock_tracked: true });
    expect(galon.qty_available).toBeGreaterThan(0);
    // Ferretería El Sol buys on the wholesale pricelist: 12% off.
    expect(galonWholesale).toMatchObject({ price: 55352, pricelist: expect.stringContaining('Mayorista') });

    // Four brushes, and Varsol ("limpiar brochas") by its description.
    const brochas = await ok(stack.client, 'odoo_search_products', { query: 'brocha', limit: 2 });
    expect(brochas.data).toMatchObject({
      count: 5,
      truncated: true,
      hint: expect.stringContaining('showing 2 of 5'),
    });
    expect(brochas.data.products).toHaveLength(2);
  });

  it('checks stock: in stock, and sold out', async () => {
    const inStock = await productByCode('VT1-BLA-GL');
    const yes = await ok(stack.client, 'odoo_check_stock', { product_id: inStock.id, quantity: 2 });
    expect(yes.data).toMatchObject({ stock_tracked: true, available_now: true, available_by_forecast: true });

    const soldOut = await productByCode('VT1-AMA-GL');
    const no = await ok(stack.client, 'odoo_check_stock', { product_id: soldOut.id, quantity: 1 });
    expect(no.data).toMatchObject({ qty_available: 0, available_now: false, available_by_forecast: false });
    expect(no.text).toContain('NOT available');
  });

  it('creates a quotation of several lines with totals and taxes computed by Odoo, then reads it', async () => {
    const paint = await productByCode('VT1-BLA-GL');
    const brush = await productByCode('BRO-3');
    const roller = await productByCode('ROD-FEL-9');
    const created = await ok(stack.client, 'odoo_create_quotation', {
      customer_id: 5,
      lines: [
        { product_id: paint.id, quantity: 3 },
        { product_id: brush.id, quantity: 2 },
        { product_id: roller.id, quantity: 1 },
      ],
      customer_reference: 'Apartamento Laureles',
    });
    const order = created.data;
    const untaxed = 3 * 62900 + 2 * 11900 + 18900;
    expect(order).toMatchObject({
      name: expect.stringMatching(/^S\d{5}$/),
      state: 'draft',
      customer_id: 5,
      customer: 'Ana Gómez',
    });
    expect(order.amount_untaxed).toBe(untaxed);
    expect(order.amount_tax).toBeCloseTo(untaxed * 0.19, 2);
    expect(order.amount_total).toBeCloseTo(untaxed * 1.19, 2);
    expect(
      order.lines.map((l: { product_id: number; quantity: number; unit_price: number }) => [
        l.product_id,
        l.quantity,
        l.unit_price,
      ]),
    ).toEqual([
      [paint.id, 3, 62900],
      [brush.id, 2, 11900],
      [roller.id, 1, 18900],
    ]);
    expect(order.lines[0].taxes).toEqual([1]);
    expect(created.text).toContain(order.name);
    // The text alone is enough to act on (a hosted model reads only it): the order, each line and product by id.
    expect(created.text).toContain(`(order id ${order.order_id})`);
    expect(created.text).toContain(`- line ${order.lines[0].line_id}: 3 × `);
    expect(created.text).toContain(`(product ${paint.id})`);

    const read = await ok(stack.client, 'odoo_get_order', { order_name: order.name });
    expect(read.data).toMatchObject({
      order_id: order.order_id,
      amount_total: order.amount_total,
      portal_url: expect.stringContaining(`/my/orders/${order.order_id}?access_token=`),
    });
  });

  it('adds, updates and removes lines of a draft, then confirms it; a confirmed order cannot change', async () => {
    const paint = await productByCode('VT1-BLA-GL');
    const thinner = await productByCode('THI-GL');
    const tape = await productByCode('CIN-2');
    const { data: draft } = await ok(stack.client, 'odoo_create_quotation', {
      customer_id: 6,
      lines: [
        { product_id: paint.id, quantity: 1 },
        { product_id: thinner.id, quantity: 1 },
      ],
    });
    const [paintLine, thinnerLine] = draft.lines;

    const { data: changed } = await ok(stack.client, 'odoo_update_quotation_lines', {
      order_id: draft.order_id,
      add: [{ product_id: tape.id, quantity: 4 }],
      update: [{ line_id: paintLine.line_id, quantity: 5 }],
      remove: [thinnerLine.line_id],
    });
    expect(
      changed.lines.map((l: { product_id: number; quantity: number }) => [l.product_id, l.quantity]),
    ).toEqual([
      [paint.id, 5],
      [tape.id, 4],
    ]);
    expect(changed.amount_untaxed).toBe(5 * 62900 + 4 * 10900);

    const confirmed = await ok(stack.client, 'odoo_confirm_quotation', { order_id: draft.order_id });
    expect(confirmed.data).toMatchObject({ state: 'sale', state_label: 'confirmed sales order' });

    const again = await call(stack.client, 'odoo_update_quotation_lines', {
      order_id: draft.order_id,
      remove: [paintLine.line_id],
    });
    expect(again.isError).toBe(true);
    expect(again.text).toMatch(/^ODOO_NOT_A_QUOTATION: /);

    const status = await ok(stack.client, 'odoo_order_status', { order_id: draft.order_id });
    expect(status.data).toMatchObject({ invoicing: 'to be invoiced', order: { state: 'sale' } });
  });

  it('cancels a draft quotation, and refuses to cancel a confirmed order', async () => {
    const paint = await productByCode('VT1-BLA-GL');
    const { data: draft } = await ok(stack.client, 'odoo_create_quotation', {
      customer_id: 7,
      lines: [{ product_id: paint.id, quantity: 1 }],
    });
    const cancelled = await ok(stack.client, 'odoo_cancel_quotation', { order_id: draft.order_id });
    expect(cancelled.data).toMatchObject({ state: 'cancel', state_label: 'cancelled' });

    const refused = await call(stack.client, 'odoo_cancel_quotation', { order_name: 'S00002' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(/^ODOO_NOT_A_QUOTATION: cannot cancel S00002/);
  });

  it("lists a customer's orders newest first, and reports an order's status", async () => {
    const { data } = await ok(stack.client, 'odoo_list_customer_orders', { customer_id: 10 });
    expect(data.orders[0]).toMatchObject({ name: 'S00002', state: 'sale' });
    expect(data.count).toBe(data.orders.length);

    const status = await ok(stack.client, 'odoo_order_status', { order_name: 's00003' });
    expect(status.data).toMatchObject({
      order: { name: 'S00003', state: 'sent' },
      delivery: 'not confirmed yet',
    });
  });

  it("creates a lead with the contact's data", async () => {
    const { data } = await ok(stack.client, 'odoo_create_lead', {
      title: 'Pintura para bodega de 400 m²',
      contact_name: 'Julián Ochoa',
      email: 'julian.ochoa@example.com',
      phone: '+57 310 999 8877',
      description: 'Necesita cotización de vinilo tipo 1 gris por cuñete.',
      opportunity: true,
    });
    expect(data).toMatchObject({ type: 'opportunity', form_url: expect.stringContaining('model=crm.lead') });
    const [lead] = await stack.odoo.read(
      'crm.lead',
      [data.lead_id],
      ['name', 'type', 'contact_name', 'email_from', 'phone'],
    );
    expect(lead).toMatchObject({
      name: 'Pintura para bodega de 400 m²',
      type: 'opportunity',
      contact_name: 'Julián Ochoa',
      email_from: 'julian.ochoa@example.com',
    });
  });

  it('offers free slots inside opening hours and books one, which then is no longer free', async () => {
    const monday = futureWeekday(1);
    const { data: free } = await ok(stack.client, 'odoo_free_slots', {
      date_from: monday,
      date_to: monday,
      duration_minutes: 60,
      limit: 30,
    });
    expect(free.time_zone).toBe('America/Bogota');
    expect(free.slots[0].local).toBe(`${monday} 08:00`);
    expect(free.slots.map((s: { local: string }) => s.local.slice(11))).not.toContain('12:00'); // lunch

    const booked = await ok(stack.client, 'odoo_book_appointment', {
      start_local: `${monday} 09:00`,
      duration_minutes: 60,
      title: 'Asesoría de color: Ana Gómez',
      customer_id: 5,
    });
    expect(booked.data).toMatchObject({ local: `${monday} 09:00`, start: `${monday}T14:00:00.000Z` });
    const [event] = await stack.odoo.read(
      'calendar.event',
      [booked.data.event_id],
      ['start', 'stop', 'partner_ids'],
    );
    expect(event).toMatchObject({
      start: `${monday} 14:00:00`,
      stop: `${monday} 15:00:00`,
      partner_ids: [5],
    });

    const { data: after } = await ok(stack.client, 'odoo_free_slots', {
      date_from: monday,
      date_to: monday,
      duration_minutes: 60,
      limit: 30,
    });
    expect(after.slots.map((s: { local: string }) => s.local.slice(11))).not.toContain('09:00');
    const taken = await call(stack.client, 'odoo_book_appointment', {
      start_local: `${monday} 09:00`,
      title: 'Otra visita',
      customer_id: 6,
    });
    expect(taken.text).toMatch(/^ODOO_SLOT_UNAVAILABLE: /);
    const sunday = futureWeekday(0);
    const closed = await call(stack.client, 'odoo_book_appointment', {
      start_local: `${sunday} 10:00`,
      title: 'Domingo',
      customer_id: 6,
    });
    expect(closed.text).toMatch(/^ODOO_SLOT_UNAVAILABLE: /);
  });

  it('opens a support ticket as a task of the support project and reads its status', async () => {
    const opened = await ok(stack.client, 'odoo_open_ticket', {
      subject: 'El esmalte no seca',
      description: 'Aplicó esmalte sintético hace 12 horas y sigue pegajoso.',
      customer_id: 5,
      priority: 'high',
    });
    expect(opened.data).toMatchObject({ model: 'project.task', subject: 'El esmalte no seca' });
    const [task] = await stack.odoo.read(
      'project.task',
      [opened.data.ticket_id],
      ['project_id', 'priority', 'partner_id'],
    );
    expect(task).toMatchObject({ project_id: [1, 'Soporte'], priority: '1', partner_id: [5, 'Ana Gómez'] });

    const status = await ok(stack.client, 'odoo_ticket_status', { ticket_id: opened.data.ticket_id });
    expect(status.data).toMatchObject({
      subject: 'El esmalte no seca',
      customer: 'Ana Gómez',
      stage: expect.any(String),
    });
  });

  it('reads allowlisted models and fields, and refuses the rest', async () => {
    const allowed = await ok(stack.client, 'odoo_search_read', {
      model: 'res.partner',
      domain: [['city', '=', 'Bogotá']],
      fields: ['name', 'city'],
      limit: 10,
    });
    expect(allowed.data.records.map((r: { name: string }) => r.name).sort()).toEqual([
      'Inmobiliaria Horizonte Ltda.',
      'María Fernanda López',
    ]);
    expect(allowed.data).toMatchObject({ count: 2, truncated: false });

    const model = await call(stack.client, 'odoo_search_read', { model: 'res.users', fields: ['login'] });
    expect(model.isError).toBe(true);
    expect(model.text).toMatch(/^ODOO_READ_NOT_ALLOWED: model res.users/);
    const field = await call(stack.client, 'odoo_search_read', {
      model: 'res.partner',
      domain: [['street', 'ilike', 'Calle']],
      fields: ['name'],
    });
    expect(field.text).toMatch(/^ODOO_READ_NOT_ALLOWED: fields not allowed on res.partner: street/);
  });

  it('reports an unknown product as an Odoo error code, and records every write in the audit', async () => {
    const before = stack.audit.entries.length;
    const unknown = await call(stack.client, 'odoo_create_quotation', {
      customer_id: 5,
      lines: [{ product_id: 999_999, quantity: 1 }],
    });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(/^ODOO_MISSING_RECORD: unknown product id\(s\) 999999/);
    const { data: draft } = await ok(stack.client, 'odoo_create_quotation', {
      customer_id: 5,
      lines: [{ product_id: 2, quantity: 1 }],
    });
    const unknownLine = await call(stack.client, 'odoo_update_quotation_lines', {
      order_id: draft.order_id,
      add: [
        { product_id: 2, quantity: 1 },
        { product_id: 888_888, quantity: 2 },
      ],
    });
    expect(unknownLine.text).toMatch(/^ODOO_MISSING_RECORD: unknown product id\(s\) 888888/);
    // Each call is atomic in Odoo: the known product of the failed write was not added either.
    expect((await ok(stack.client, 'odoo_get_order', { order_id: draft.order_id })).data.lines).toHaveLength(
      1,
    );
    const missing = await call(stack.client, 'odoo_get_product', { product_id: 999_999 });
    expect(missing.text).toMatch(/^ODOO_MISSING_RECORD: product 999999 does not exist/);

    const entries = stack.audit.entries.slice(before);
    expect(entries).toEqual([
      expect.objectContaining({
        tenantId: TENANT,
        tool: 'odoo_create_quotation',
        outcome: 'error',
        error: expect.stringMatching(/^ODOO_MISSING_RECORD: /),
      }),
      expect.objectContaining({
        tool: 'odoo_create_quotation',
        outcome: 'ok',
        result: expect.objectContaining({ order_id: draft.order_id }),
      }),
      expect.objectContaining({
        tool: 'odoo_update_quotation_lines',
        outcome: 'error',
        arguments: expect.objectContaining({ order_id: draft.order_id }),
      }),
    ]);
    const tools = stack.audit.entries.map((e) => e.tool);
    expect(tools).toEqual(
      expect.arrayContaining([
        'odoo_create_quotation',
        'odoo_update_quotation_lines',
        'odoo_confirm_quotation',
        'odoo_cancel_quotation',
        'odoo_create_lead',
        'odoo_book_appointment',
        'odoo_open_ticket',
      ]),
    );
    // Only writes are audited, each with its arguments, result and duration.
    expect(tools).not.toContain('odoo_search_products');
    const confirm = stack.audit.entries.find((e) => e.tool === 'odoo_confirm_quotation')!;
    expect(confirm).toMatchObject({
      outcome: 'ok',
      arguments: { order_id: expect.any(Number) },
      result: { state: 'sale' },
    });
    expect(confirm.durationMs).toBeGreaterThanOrEqual(0);
  });
});
