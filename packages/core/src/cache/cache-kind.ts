/**
 * What a cache entry holds. Each kind has its own default TTL and can be dropped as a whole
 * (`TenantCache.invalidateKind`). To add a kind, append it here and give it a TTL below.
 */
export const CACHE_KINDS = [
  'odoo_product_search',
  'odoo_product',
  'odoo_stock',
  'odoo_partner',
  'embedding',
  'retrieval',
  'fields_get',
] as const;

export type CacheKind = (typeof CACHE_KINDS)[number];

const MINUTE = 60_000;

/**
 * Default time to live per kind, in milliseconds. Short where the truth moves fast (stock), long where it
 * cannot change for the same key (an embedding of the same text by the same model). Odoo data is also
 * invalidated by record when Odoo reports a change, so these TTLs are the upper bound on staleness only
 * when such a notice is lost.
 */
export const DEFAULT_CACHE_TTLS_MS: Readonly<Record<CacheKind, number>> = {
  odoo_product_search: 5 * MINUTE,
  odoo_product: 10 * MINUTE,
  odoo_stock: 1 * MINUTE,
  odoo_partner: 10 * MINUTE,
  embedding: 7 * 24 * 60 * MINUTE,
  retrieval: 10 * MINUTE,
  fields_get: 24 * 60 * MINUTE,
};

export function isCacheKind(value: string): value is CacheKind {
  return (CACHE_KINDS as readonly string[]).includes(value);
}
