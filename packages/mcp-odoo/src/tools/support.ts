import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import { m2oName, text } from '../odoo/values.js';
import { formUrl } from './orders.js';
import { defineTool, type ToolContext } from './tool.js';

/** Tickets live in `helpdesk.ticket` (Enterprise) where installed, else as tasks of a support project. */
async function ticketModel(ctx: ToolContext): Promise<'helpdesk.ticket' | 'project.task'> {
  return (await ctx.schema.hasModel('helpdesk.ticket')) ? 'helpdesk.ticket' : 'project.task';
}

async function supportProjectId(ctx: ToolContext): Promise<number> {
  const name = ctx.settings.supportProjectName;
  const [project] = await ctx.api.searchRead('project.project', [['name', '=', name]], {
    fields: ['id'],
    limit: 1,
  });
  if (!project)
    throw new CrewError(
      'ODOO_SUPPORT_NOT_CONFIGURED',
      `no helpdesk module and no project named "${name}" for tickets`,
      { domain: 'odoo', category: 'system' },
    );
  return project.id;
}

export const openTicket = defineTool({
  name: 'odoo_open_ticket',
  title: 'Open a support ticket',
  description:
    "Open a support ticket for a customer's problem (helpdesk ticket, or a task in the support project).",
  kind: 'write',
  input: {
    subject: z.string().min(3),
    description: z.string().min(3).max(10_000),
    customer_id: z.number().int().positive().optional(),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
  },
  output: { ticket_id: z.number().int(), model: z.string(), subject: z.string(), form_url: z.string() },
  async run({ subject, description, customer_id, priority }, ctx) {
    const model = await ticketModel(ctx);
    const values: Record<string, unknown> = { name: subject, description };
    if (customer_id) values['partner_id'] = customer_id;
    if (model === 'helpdesk.ticket')
      values['priority'] = { low: '0', normal: '1', high: '2', urgent: '3' }[priority];
    else {
      values['project_id'] = await supportProjectId(ctx);
      values['priority'] = priority === 'high' || priority === 'urgent' ? '1' : '0';
    }
    const id = await ctx.api.create(model, values);
    return {
      result: { ticket_id: id, model, subject, form_url: formUrl(ctx, model, id) },
      text: `Opened ticket #${id} "${subject}".`,
    };
  },
});

export const ticketStatus = defineTool({
  name: 'odoo_ticket_status',
  title: 'Support ticket status',
  description: 'The stage of a support ticket and who handles it.',
  kind: 'read',
  input: { ticket_id: z.number().int().positive() },
  output: {
    ticket_id: z.number().int(),
    subject: z.string(),
    stage: z.string().optional(),
    assigned_to: z.string().optional(),
    customer: z.string().optional(),
  },
  async run({ ticket_id }, ctx) {
    const model = await ticketModel(ctx);
    const fields = await ctx.schema.pick(model, ['name', 'stage_id', 'user_id', 'user_ids', 'partner_id']);
    const [row] = await ctx.api.read(model, [ticket_id], fields);
    if (!row)
      throw new CrewError('ODOO_MISSING_RECORD', `ticket ${ticket_id} does not exist`, {
        domain: 'odoo',
        category: 'user',
      });
    const assigned =
      m2oName(row['user_id']) ??
      (Array.isArray(row['user_ids']) && row['user_ids'].length
        ? `${row['user_ids'].length} assignee(s)`
        : undefined);
    const result = {
      ticket_id,
      subject: String(row['name'] ?? ''),
      stage: m2oName(row['stage_id']),
      assigned_to: assigned,
      customer: m2oName(row['partner_id']) ?? text(row['partner_id']),
    };
    return {
      result,
      text: `Ticket #${ticket_id} "${result.subject}": ${result.stage ?? 'no stage'}${assigned ? `, handled by ${assigned}` : ''}.`,
    };
  },
});
