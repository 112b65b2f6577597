import { z } from 'zod';
import { PAYMENT_CONTEXTS } from '@mcp-crew/core';
import { datasetMissing } from './not-configured.js';
import { defineTool } from './tool.js';

export const getPaymentMethods = defineTool({
  name: 'business_get_payment_methods',
  title: 'Payment methods',
  description:
    'Accepted payment methods and where each applies: `store` (in the shop), `delivery` (on delivery), `prepaid` (in advance).',
  input: { context: z.enum(PAYMENT_CONTEXTS).optional().describe('Only methods usable in this context') },
  output: {
    methods: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        accepted: z.array(z.enum(PAYMENT_CONTEXTS)),
        details: z.string().optional(),
      }),
    ),
    notes: z.array(z.string()),
  },
  async run({ context }, ctx) {
    const data = await ctx.business.getKnown(ctx.tenant, 'payment_methods');
    if (!data) throw datasetMissing('payment_methods');
    const methods = context ? data.records.filter((m) => m.accepted.includes(context)) : data.records;
    return {
      result: { methods, notes: data.meta.notes },
      text: `Payment methods${context ? ` (${context})` : ''}: ${methods.map((m) => m.name).join(', ') || 'none'}.`,
    };
  },
});
