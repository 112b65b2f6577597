import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import type { OdooDomain, OdooRecord } from '../odoo/odoo-api.js';
import { m2oId, m2oName, text } from '../odoo/values.js';
import { bounded } from './lists.js';
import { defineTool, type ToolContext } from './tool.js';

const PARTNER_FIELDS = [
  'name',
  'email',
  'phone',
  'mobile',
  'vat',
  'street',
  'city',
  'country_id',
  'property_product_pricelist',
  'is_company',
  'parent_id',
];

export const customerShape = {
  id: z.number().int(),
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  vat: z.string().optional(),
  city: z.string().optional(),
  pricelist: z.string().optional(),
  isCompany: z.boolean(),
  /** The company this contact belongs to (Odoo's parent): it buys for it. */
  companyId: z.number().int().optional(),
};
const customerSchema = z.object(customerShape);
export type Customer = z.infer<typeof customerSchema>;

export function toCustomer(r: OdooRecord): Customer {
  return {
    id: r.id,
    name: String(r['name'] ?? ''),
    email: text(r['email']),
    phone: text(r['phone']) ?? text(r['mobile']),
    vat: text(r['vat']),
    city: text(r['city']),
    pricelist: m2oName(r['property_product_pricelist']),
    isCompany: r['is_company'] === true,
    companyId: m2oId(r['parent_id']),
  };
}

export async function partnerFields(ctx: ToolContext): Promise<string[]> {
  return ctx.schema.pick('res.partner', PARTNER_FIELDS);
}

/**
 * Fuzzy customer lookup: every word of the query in the name, or the whole query in e-mail or VAT, or
 * the digits of a phone number in order (spaces, dashes and country codes in between do not matter).
 */
export function customerDomain(query: string, phoneFields: string[]): OdooDomain {
  const words = query
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const byName: OdooDomain =
    words.length > 1
      ? [
          ...Array(words.length - 1).fill('&'),
          ...words.map((w) => ['name', 'ilike', w] as [string, string, string]),
        ]
      : [['name', 'ilike', query.trim()]];
  const alternatives: OdooDomain[] = [
    byName,
    [['email', 'ilike', query.trim()]],
    [['vat', 'ilike', query.replace(/[\s.-]/g, '')]],
  ];
  const digits = query.replace(/\D/g, '');
  if (digits.length >= 7) {
    const pattern = `%${digits.slice(-7).split('').join('%')}`;
    for (const field of phoneFields) alternatives.push([[field, '=ilike', pattern]]);
  }
  return [...Array(alternatives.length - 1).fill('|'), ...alternatives.flat()];
}

export const findCustomers = defineTool({
  name: 'odoo_find_customers',
  title: 'Find customers',
  description:
    'Find customers (contacts) by name, e-mail, phone or VAT/NIT. Fuzzy on name words and phone digits.',
  kind: 'read',
  input: {
    query: z.string().min(2).describe('name, e-mail, phone or VAT'),
    limit: z.number().int().min(1).max(50).default(5),
  },
  output: {
    customers: z.array(customerSchema),
    count: z.number().int(),
    truncated: z.boolean(),
    hint: z.string().optional(),
  },
  async run({ query, limit }, ctx) {
    const fields = await partnerFields(ctx);
    const domain = customerDomain(
      query,
      fields.filter((f) => f === 'phone' || f === 'mobile'),
    );
    const rows = await ctx.api.searchRead('res.partner', domain, {
      fields,
      limit: limit + 1,
      order: 'customer_rank desc, name asc',
    });
    // The exact count costs a call: only when there are more than shown.
    const count = rows.length > limit ? await ctx.api.searchCount('res.partner', domain) : rows.length;
    const list = bounded(rows.map(toCustomer), count, limit, 'give a fuller name, the e-mail or the phone');
    const text =
      list.items.length === 0
        ? `No customer matches "${query}".`
        : list.items.map(describeCustomer).join('\n');
    return {
      result: { customers: list.items, count: list.count, truncated: list.truncated, hint: list.hint },
      text,
    };
  },
});

export const getCustomer = defineTool({
  name: 'odoo_get_customer',
  title: 'Get a customer',
  description: 'Read one customer by id: name, contact data, VAT, city and pricelist.',
  kind: 'read',
  input: { customer_id: z.number().int().positive() },
  output: customerShape,
  async run({ customer_id }, ctx) {
    const customer = await readCustomer(ctx, customer_id);
    return { result: customer, text: describeCustomer(customer) };
  },
});

export async function readCustomer(ctx: ToolContext, id: number): Promise<Customer> {
  const [row] = await ctx.api.read('res.partner', [id], await partnerFields(ctx));
  if (!row)
    throw new CrewError('ODOO_MISSING_RECORD', `customer ${id} does not exist`, {
      domain: 'odoo',
      category: 'user',
    });
  return toCustomer(row);
}

export const upsertCustomer = defineTool({
  name: 'odoo_upsert_customer',
  title: 'Create or update a customer',
  description:
    'Create a contact, or update one when customer_id is given. Only the fields given are written.',
  kind: 'write',
  input: {
    customer_id: z.number().int().positive().optional(),
    name: z.string().min(2).optional(),
    email: z.email().optional(),
    phone: z.string().min(7).optional(),
    vat: z.string().min(3).optional(),
    street: z.string().optional(),
    city: z.string().optional(),
    is_company: z.boolean().optional(),
  },
  output: { ...customerShape, created: z.boolean() },
  async run({ customer_id, ...values }, ctx) {
    const fields = new Set(await partnerFields(ctx));
    const writable = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => v !== undefined && (fields.has(k) || k === 'street')),
    );
    let id = customer_id;
    if (id === undefined) {
      if (!writable['name'])
        throw new CrewError('ODOO_VALIDATION_ERROR', 'a new customer needs a name', {
          domain: 'odoo',
          category: 'user',
        });
      id = await ctx.api.create('res.partner', writable);
    } else if (Object.keys(writable).length > 0) {
      await ctx.api.write('res.partner', [id], writable);
    }
    const customer = await readCustomer(ctx, id);
    return {
      result: { ...customer, created: customer_id === undefined },
      text: `${customer_id ? 'Updated' : 'Created'} ${describeCustomer(customer)}`,
    };
  },
});

export function describeCustomer(c: Customer): string {
  const contact = [c.email, c.phone, c.vat && `NIT/VAT ${c.vat}`, c.city].filter(Boolean).join(', ');
  return `#${c.id} ${c.name}${contact ? ` (${contact})` : ''}${c.pricelist ? ` — pricelist ${c.pricelist}` : ''}`;
}
