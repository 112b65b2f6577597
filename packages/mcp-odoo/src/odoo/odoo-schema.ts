import { noteDependencyFailure } from '@mcp-crew/reliability';
import { isCrewError } from '@mcp-crew/core';
import type { OdooApi, OdooDomain } from './odoo-api.js';

/**
 * Field names move between Odoo versions (`tax_id` → `tax_ids`, `product_uom` → `product_uom_id`,
 * `detailed_type` → `is_storable`, `mobile` gone from partners). Instead of hard-coding one version, ask
 * `fields_get` once per model and tenant, and keep the answer for the life of the client.
 */
export class OdooSchema {
  private readonly models = new Map<string, Promise<Set<string> | undefined>>();

  constructor(private readonly api: OdooApi) {}

  /** The model's field names, or undefined when the model is not installed (e.g. helpdesk). */
  fields(model: string): Promise<Set<string> | undefined> {
    let pending = this.models.get(model);
    if (!pending) {
      pending = this.api.fieldsGet(model, ['type']).then(
        (fields) => new Set(Object.keys(fields)),
        (error: unknown) => {
          if (isCrewError(error, 'ODOO_UNKNOWN_MODEL')) return undefined;
          this.models.delete(model); // a transient failure must not stick
          throw error;
        },
      );
      this.models.set(model, pending);
    }
    // Turns awaiting another turn's fields_get learn of its failure too (their own calls never ran).
    return pending.catch((error: unknown) => {
      if (!(isCrewError(error) && error.category === 'user'))
        noteDependencyFailure(
          'odoo',
          `Odoo ${model} fields_get: ${isCrewError(error) ? error.code : 'failed'}`,
        );
      throw error;
    });
  }

  async hasModel(model: string): Promise<boolean> {
    return (await this.fields(model)) !== undefined;
  }

  /** The wanted fields that this Odoo has, in the order given. */
  async pick(model: string, wanted: readonly string[]): Promise<string[]> {
    const fields = await this.fields(model);
    return fields ? wanted.filter((f) => fields.has(f)) : [];
  }

  /** The first candidate this Odoo has (for renamed fields). */
  async first(model: string, candidates: readonly string[]): Promise<string | undefined> {
    return (await this.pick(model, candidates))[0];
  }

  async lineUomField(): Promise<string> {
    return (await this.first('sale.order.line', ['product_uom_id', 'product_uom'])) ?? 'product_uom';
  }

  async lineTaxesField(): Promise<string> {
    return (await this.first('sale.order.line', ['tax_ids', 'tax_id'])) ?? 'tax_id';
  }

  /** Domain leaf for "stock-tracked product": `is_storable` in 18+, `detailed_type = product` in 16–17. */
  async storableLeaf(): Promise<OdooDomain[number]> {
    const fields = await this.fields('product.product');
    if (fields?.has('is_storable')) return ['is_storable', '=', true];
    if (fields?.has('detailed_type')) return ['detailed_type', '=', 'product'];
    return ['type', '=', 'product'];
  }
}
