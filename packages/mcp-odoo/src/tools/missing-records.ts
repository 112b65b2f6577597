import { CrewError, isCrewError } from '@mcp-crew/core';
import type { ToolContext } from './tool.js';

// What Odoo answers for a missing many2one target, by version: a required related field left empty
// (validation), a foreign-key violation (a server error on some versions), or a missing record.
const EXPLAINABLE = new Set([
  'ODOO_VALIDATION_ERROR',
  'ODOO_USER_ERROR',
  'ODOO_MISSING_RECORD',
  'ODOO_SERVER_ERROR',
]);

/**
 * Odoo reports a line with an unknown product in ways a model cannot act on (a "mandatory field is
 * not set" validation error, or a database constraint). When a write fails, this looks up which of
 * the ids it named do not exist and, if any, replaces the error with one that says so. Costs one
 * call, and only on the failure path.
 */
export async function explainMissing(
  ctx: ToolContext,
  error: unknown,
  refs: { customerId?: number; productIds: number[] },
): Promise<never> {
  if (!isCrewError(error) || !EXPLAINABLE.has(error.code)) throw error;
  const productIds = [...new Set(refs.productIds)];
  const [products, partners] = await Promise.all([
    productIds.length
      ? ctx.api.searchRead('product.product', [['id', 'in', productIds]], { fields: ['id'] })
      : [],
    refs.customerId
      ? ctx.api.searchRead('res.partner', [['id', '=', refs.customerId]], { fields: ['id'] })
      : [{ id: 0 }],
  ]).catch(() => {
    throw error; // the diagnosis failed: keep Odoo's own error
  });
  const found = new Set(products.map((p) => p.id));
  const missing = productIds.filter((id) => !found.has(id));
  const problems = [
    ...(missing.length ? [`unknown product id(s) ${missing.join(', ')}`] : []),
    ...(partners.length === 0 ? [`unknown customer id ${refs.customerId}`] : []),
  ];
  if (problems.length === 0) throw error;
  throw new CrewError(
    'ODOO_MISSING_RECORD',
    `${problems.join('; ')}: search for it first (odoo_search_products / odoo_find_customers)`,
    {
      domain: 'odoo',
      category: 'user',
      details: { missingProductIds: missing, odooMessage: error.message },
      cause: error,
    },
  );
}
