import { z } from 'zod';
import { formUrl } from './orders.js';
import { defineTool } from './tool.js';

export const createLead = defineTool({
  name: 'odoo_create_lead',
  title: 'Create a lead',
  description:
    "Create a CRM lead/opportunity with the contact's data and what they want, for the sales team to follow up.",
  kind: 'write',
  input: {
    title: z.string().min(3).describe('short subject, e.g. "Pintura para bodega de 400 m²"'),
    contact_name: z.string().min(2).optional(),
    email: z.email().optional(),
    phone: z.string().min(7).optional(),
    customer_id: z.number().int().positive().optional(),
    description: z.string().max(5000).optional(),
    expected_revenue: z.number().nonnegative().optional(),
    opportunity: z.boolean().default(false).describe('true for a qualified opportunity, false for a lead'),
  },
  output: { lead_id: z.number().int(), title: z.string(), type: z.string(), form_url: z.string() },
  async run(args, ctx) {
    const fields = new Set(
      await ctx.schema.pick('crm.lead', [
        'type',
        'contact_name',
        'email_from',
        'phone',
        'partner_id',
        'description',
        'expected_revenue',
      ]),
    );
    const values: Record<string, unknown> = { name: args.title };
    const put = (field: string, value: unknown) =>
      value !== undefined && fields.has(field) && (values[field] = value);
    put('type', args.opportunity ? 'opportunity' : 'lead');
    put('contact_name', args.contact_name);
    put('email_from', args.email);
    put('phone', args.phone);
    put('partner_id', args.customer_id);
    put('description', args.description);
    put('expected_revenue', args.expected_revenue);
    const id = await ctx.api.create('crm.lead', values);
    const type = args.opportunity ? 'opportunity' : 'lead';
    return {
      result: { lead_id: id, title: args.title, type, form_url: formUrl(ctx, 'crm.lead', id) },
      text: `Created ${type} #${id} "${args.title}".`,
    };
  },
});
