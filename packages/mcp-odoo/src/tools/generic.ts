import { z } from 'zod';
import { CrewError } from '@mcp-crew/core';
import type { OdooDomain } from '../odoo/odoo-api.js';
import { defineTool } from './tool.js';

const OPERATORS = [
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'like',
  'ilike',
  'not like',
  'not ilike',
  '=like',
  '=ilike',
  'in',
  'not in',
  'child_of',
] as const;
const leaf = z.tuple([
  z.string().min(1),
  z.enum(OPERATORS),
  z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
]);
const domainSchema = z.array(z.union([z.enum(['&', '|', '!']), leaf])).max(30);

function refuse(message: string): CrewError {
  return new CrewError('ODOO_READ_NOT_ALLOWED', message, { domain: 'odoo', category: 'user' });
}

export const genericSearchRead = defineTool({
  name: 'odoo_search_read',
  title: 'Read records (allowlisted)',
  description:
    'Read records of an allowlisted model with a domain; only allowlisted fields may be read or filtered on.',
  kind: 'read',
  input: {
    model: z.string().min(3),
    domain: domainSchema.default([]),
    fields: z.array(z.string()).min(1).max(30),
    limit: z.number().int().min(1).max(50).default(10),
    order: z
      .string()
      .regex(/^[a-z_]+( (asc|desc))?(, ?[a-z_]+( (asc|desc))?)*$/)
      .optional(),
  },
  output: {
    records: z.array(z.record(z.string(), z.unknown())),
    count: z.number().int(),
    truncated: z.boolean(),
  },
  async run({ model, domain, fields, limit, order }, ctx) {
    const allowed = ctx.settings.readAllowlist[model];
    if (!allowed)
      throw refuse(
        `model ${model} is not readable here; allowed: ${Object.keys(ctx.settings.readAllowlist).join(', ') || 'none'}`,
      );
    const allowedSet = new Set([...allowed, 'id']);
    const denied = fields.filter((f) => !allowedSet.has(f));
    const filtered = domain
      .filter((t): t is z.infer<typeof leaf> => Array.isArray(t))
      .map((t) => t[0].split('.')[0]!);
    const sortFields = (order ?? '')
      .split(',')
      .map((s) => s.trim().split(' ')[0]!)
      .filter(Boolean);
    const badFilter = [...filtered, ...sortFields].filter((f) => !allowedSet.has(f));
    if (denied.length || badFilter.length)
      throw refuse(`fields not allowed on ${model}: ${[...new Set([...denied, ...badFilter])].join(', ')}`);
    const [records, count] = await Promise.all([
      ctx.api.searchRead(model, domain as OdooDomain, { fields, limit, order }),
      ctx.api.searchCount(model, domain as OdooDomain),
    ]);
    return {
      result: { records, count, truncated: count > records.length },
      text: `${records.length} of ${count} ${model} record(s): ${JSON.stringify(records).slice(0, 2000)}`,
    };
  },
});
