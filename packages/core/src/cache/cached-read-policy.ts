import type { CacheKind } from './cache-kind.js';

/**
 * How one kind of Odoo read is cached, for the Odoo client's cache wrapper (packages/odoo-cache) and for
 * reviewers. Rules shared by every policy:
 * - key parts hold everything that changes the answer: the Odoo method, model, domain, fields, limit/order
 *   and the context that shapes values (lang, pricelist, company, warehouse/location);
 * - entries are tagged with the records they show, so Odoo's change notices drop them (`invalidate`);
 * - writes, and reads that decide a commitment (an order's totals before confirmation, availability of an
 *   appointment slot), are never cached.
 */
export interface CachedReadPolicy {
  kind: CacheKind;
  /** Odoo model(s) read. */
  models: readonly string[];
  /** Which records tag the entry: the ids asked for, the ids returned, or none (kind-wide invalidation only). */
  tagBy: 'requested_ids' | 'result_ids' | 'none';
  /** What the read is, in one line. */
  description: string;
}

/** The Odoo reads that go through the cache, by name of the reading operation. */
export const ODOO_CACHED_READS = {
  searchProducts: {
    kind: 'odoo_product_search',
    models: ['product.product', 'product.template'],
    tagBy: 'result_ids',
    description: 'search_read of saleable products by text/category; tagged with every product returned',
  },
  productDetails: {
    kind: 'odoo_product',
    models: ['product.product', 'product.template'],
    tagBy: 'requested_ids',
    description: 'read of products by id (name, price for the pricelist in context, description, uom)',
  },
  stock: {
    kind: 'odoo_stock',
    models: ['product.product', 'stock.quant'],
    tagBy: 'requested_ids',
    description:
      'qty_available / free_qty per product (tagged with product ids; short TTL as moves are frequent)',
  },
  partnerLookup: {
    kind: 'odoo_partner',
    models: ['res.partner'],
    tagBy: 'result_ids',
    description: 'search_read of a partner by phone, e-mail or VAT; a miss (null) is cached too',
  },
  fieldsGet: {
    kind: 'fields_get',
    models: ['*'],
    tagBy: 'none',
    description: 'fields_get of a model (schema); dropped with invalidateKind after a module update',
  },
} as const satisfies Record<string, CachedReadPolicy>;
