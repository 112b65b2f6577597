import { z } from 'zod';

/** `POST /odoo/:tenantId/copilot`: an Odoo user's request, with the record open on screen. */
export const copilotRequestBody = z
  .object({
    user: z.object({ id: z.number().int().positive(), name: z.string().min(1).max(200), login: z.string().max(200).optional() }).strict(),
    message: z.string().trim().min(1).max(8000),
    context: z.object({ model: z.string().regex(/^[a-z_][a-z0-9_.]*$/, 'expected an Odoo model name such as sale.order'), id: z.number().int().positive() }).strict().optional(),
    session_id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'expected up to 128 letters, digits, "_", ".", ":" or "-"').optional(),
  })
  .strict();

export type CopilotRequest = z.infer<typeof copilotRequestBody>;

/** A record the copilot created or changed in Odoo, with a link to its form. */
export interface TouchedRecord {
  model: string;
  id: number;
  display_name: string;
  url?: string;
}

export interface CopilotAnswer {
  reply: string;
  records: TouchedRecord[];
  session_id: string;
  /** Set when the crew handed the request over (the reply then says why). */
  handoff?: string;
}

/** `POST /odoo/:tenantId/events`: Odoo reports changed records. */
export const odooEventBody = z
  .object({
    model: z.string().regex(/^[a-z_][a-z0-9_.]*$/, 'expected an Odoo model name such as product.product'),
    ids: z.array(z.number().int().positive()).min(1).max(1000),
    operation: z.enum(['create', 'write', 'unlink']),
  })
  .strict();

export type OdooEvent = z.infer<typeof odooEventBody>;
