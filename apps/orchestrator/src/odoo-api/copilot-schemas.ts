import { z } from 'zod';

const modelName = z.string().regex(/^[a-z_][a-z0-9_.]*$/, 'expected an Odoo model name such as sale.order');

/** What an Odoo user may do on a model, from Odoo's own access rights (ir.model.access). */
export const ODOO_OPERATIONS = ['read', 'create', 'write', 'unlink'] as const;
export type OdooOperation = (typeof ODOO_OPERATIONS)[number];

/** The Odoo user behind a copilot request, as the MCP-Crew connector module sends it. */
export const copilotUser = z
  .object({
    id: z.number().int().positive(),
    name: z.string().min(1).max(200),
    login: z.string().max(200).optional(),
    /** Odoo language code (es_CO, pt_BR, en_US): the reply is written in it. */
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(_[A-Z]{2})?(@[a-z]+)?$/, 'expected an Odoo language code such as es_CO')
      .optional(),
    company: z
      .object({ id: z.number().int().positive(), name: z.string().max(200) })
      .strict()
      .optional(),
    /** Model → operations the user's own Odoo access rights allow; a model left out is not restricted here. */
    permissions: z
      .record(modelName, z.array(z.enum(ODOO_OPERATIONS)).max(4))
      .refine((p) => Object.keys(p).length <= 100, 'expected at most 100 models')
      .optional(),
    /** XML ids of the user's Odoo groups (sales_team.group_sale_salesman, ...), for the record. */
    groups: z.array(z.string().max(200)).max(500).optional(),
  })
  .strict();

export type CopilotUser = z.infer<typeof copilotUser>;

/** `POST /odoo/:tenantId/copilot`: an Odoo user's request, with the record open on screen. */
export const copilotRequestBody = z
  .object({
    user: copilotUser,
    message: z.string().trim().min(1).max(8000),
    context: z.object({ model: modelName, id: z.number().int().positive() }).strict().optional(),
    session_id: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'expected up to 128 letters, digits, "_", ".", ":" or "-"')
      .optional(),
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

/** Most events one batch may carry (each with up to 1000 ids). */
export const MAX_EVENTS_PER_BATCH = 50;

/** The batched form the Odoo module sends: `{"events": [event, …]}`, applied in order. */
export const odooEventBatchBody = z
  .object({ events: z.array(odooEventBody).min(1).max(MAX_EVENTS_PER_BATCH) })
  .strict();

export type OdooEventBatch = z.infer<typeof odooEventBatchBody>;
