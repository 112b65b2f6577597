import type { CacheKind, CacheTag, TenantCache } from '@mcp-crew/core';
import type { OdooApi, OdooDomain, OdooRecord, SearchReadOptions } from './odoo-api.js';

const STOCK_FIELDS = new Set([
  'qty_available',
  'virtual_available',
  'free_qty',
  'quantity',
  'reserved_quantity',
]);

/** Which cache kind a read of a model uses; models not listed are never cached (orders, events, leads...). */
function kindFor(model: string, fields: readonly string[] | undefined): CacheKind | undefined {
  switch (model) {
    case 'product.product':
    case 'product.template':
      // Stock moves often: a read that shows quantities lives only as long as stock entries do.
      return fields?.some((f) => STOCK_FIELDS.has(f)) ? 'odoo_stock' : 'odoo_product';
    case 'stock.quant':
      return 'odoo_stock';
    case 'product.pricelist.item':
      return 'odoo_product';
    case 'res.partner':
      return 'odoo_partner';
    default:
      return undefined;
  }
}

function tagsOf(model: string, rows: readonly OdooRecord[]): CacheTag[] {
  return rows.map((r) => ({ model, id: r.id }));
}

/**
 * Puts the tenant's cache in front of the Odoo reads the tools repeat most (product search and details,
 * stock, partner lookups, fields_get). Entries are tagged with the records they show, so a write through
 * this API or an Odoo change notice (`cache.invalidate({ model, ids })`) drops them. Orders, calendar and
 * everything a commitment depends on are always read live.
 */
export class CachedOdooApi implements OdooApi {
  constructor(
    private readonly api: OdooApi,
    private readonly cache: TenantCache,
  ) {}

  searchRead(model: string, domain: OdooDomain, options: SearchReadOptions = {}): Promise<OdooRecord[]> {
    const kind = kindFor(model, options.fields);
    if (!kind) return this.api.searchRead(model, domain, options);
    const searchKind: CacheKind = kind === 'odoo_product' ? 'odoo_product_search' : kind;
    return this.cache.getOrLoad(
      searchKind,
      ['search_read', model, domain, options],
      () => this.api.searchRead(model, domain, options),
      {
        tags: (rows) => tagsOf(model, rows),
      },
    );
  }

  read(model: string, ids: number[], fields?: string[]): Promise<OdooRecord[]> {
    const kind = kindFor(model, fields);
    if (!kind) return this.api.read(model, ids, fields);
    return this.cache.getOrLoad(
      kind,
      ['read', model, ids, fields ?? null],
      () => this.api.read(model, ids, fields),
      {
        tags: ids.map((id) => ({ model, id })),
      },
    );
  }

  searchCount(model: string, domain: OdooDomain): Promise<number> {
    return this.api.searchCount(model, domain);
  }

  fieldsGet(model: string, attributes?: string[]) {
    return this.cache.getOrLoad('fields_get', [model, attributes ?? null], () =>
      this.api.fieldsGet(model, attributes),
    );
  }

  async create(model: string, values: Record<string, unknown>): Promise<number> {
    const id = await this.api.create(model, values);
    // A new order moves forecast stock: drop the stock entries of the products it names.
    await this.dropStockOf(values);
    return id;
  }

  async write(model: string, ids: number[], values: Record<string, unknown>): Promise<boolean> {
    const ok = await this.api.write(model, ids, values);
    if (kindFor(model, undefined)) await this.cache.invalidate({ model, ids });
    await this.dropStockOf(values);
    return ok;
  }

  async call(
    model: string,
    method: string,
    args: unknown[],
    kwargs?: Record<string, unknown>,
  ): Promise<unknown> {
    const result = await this.api.call(model, method, args, kwargs);
    // Confirming or cancelling an order changes reserved and forecast stock of every product.
    if (model === 'sale.order') await this.cache.invalidateKind('odoo_stock');
    return result;
  }

  private async dropStockOf(values: Record<string, unknown>): Promise<void> {
    const lines = Array.isArray(values['order_line']) ? (values['order_line'] as unknown[]) : [];
    const productIds = lines
      .map((command) =>
        Array.isArray(command)
          ? (command[2] as Record<string, unknown> | undefined)?.['product_id']
          : undefined,
      )
      .filter((id): id is number => typeof id === 'number');
    if (productIds.length > 0) await this.cache.invalidate({ model: 'product.product', ids: productIds });
  }
}
