import { CrewError, isCrewError } from '@mcp-crew/core';
import type { OdooApi } from '../odoo/odoo-api.js';
import { explainMissing } from './missing-records.js';
import type { ToolContext } from './tool.js';

const odooError = (code: string) =>
  new CrewError(code, 'The operation cannot be completed: ...', { domain: 'odoo', category: 'user' });

function ctxWith(existing: Record<string, number[]>): { ctx: ToolContext; calls: string[] } {
  const calls: string[] = [];
  const api = {
    searchRead: async (model: string, domain: Array<[string, string, unknown]>) => {
      calls.push(model);
      const [, op, value] = domain[0]!;
      const ids = op === 'in' ? (value as number[]) : [value as number];
      return ids.filter((id) => existing[model]?.includes(id)).map((id) => ({ id }));
    },
  } as unknown as OdooApi;
  return { ctx: { api } as ToolContext, calls };
}

async function caught(promise: Promise<unknown>): Promise<CrewError> {
  try {
    await promise;
  } catch (error) {
    if (isCrewError(error)) return error;
  }
  throw new Error('expected a CrewError');
}

describe('explainMissing', () => {
  it('names the unknown products and customer behind a failed write', async () => {
    const { ctx } = ctxWith({ 'product.product': [2], 'res.partner': [] });
    const error = await caught(
      explainMissing(ctx, odooError('ODOO_VALIDATION_ERROR'), { customerId: 99, productIds: [2, 7, 7] }),
    );
    expect(error.code).toBe('ODOO_MISSING_RECORD');
    expect(error.message).toMatch(/^unknown product id\(s\) 7; unknown customer id 99: /);
    expect(error.details).toMatchObject({ missingProductIds: [7] });
  });

  it("keeps Odoo's error when every record exists, and never looks into transport failures", async () => {
    const { ctx, calls } = ctxWith({ 'product.product': [2], 'res.partner': [5] });
    const original = odooError('ODOO_VALIDATION_ERROR');
    expect(await caught(explainMissing(ctx, original, { customerId: 5, productIds: [2] }))).toBe(original);
    const down = new CrewError('ODOO_UNAVAILABLE', 'connection refused', {
      domain: 'odoo',
      category: 'third_party',
    });
    calls.length = 0;
    expect(await caught(explainMissing(ctx, down, { productIds: [2] }))).toBe(down);
    expect(calls).toEqual([]);
  });
});
