import { Inject, Injectable } from '@nestjs/common';
import {
  cacheFor,
  type CacheStore,
  type OdooConnection,
  type TenantConfig,
  type TenantId,
} from '@mcp-crew/core';
import { syncProducts, type ProductSyncResult } from '@mcp-crew/knowledge';
import { OdooClient } from '@mcp-crew/odoo-client';
import type { Logger } from 'pino';
import { CACHE_STORE, KNOWLEDGE, LOGGER } from '../runtime/providers.js';
import type { Knowledge } from '../runtime/knowledge.js';
import type { OdooEvent } from './copilot-schemas.js';

export interface OdooEventOutcome {
  model: string;
  ids: number[];
  operation: OdooEvent['operation'];
  /** Cache entries dropped for these records (and, for products, their variants). */
  cache: { invalidated: number };
  products?: { synced: number[]; result?: ProductSyncResult; skipped?: string };
}

const PRODUCT_MODELS = new Set(['product.product', 'product.template']);

/**
 * Odoo's change notices: the tenant's cache entries built from the changed records are dropped, and changed
 * products are re-synced into the tenant's `products` collection (read fresh from Odoo, not through the cache).
 */
@Injectable()
export class OdooEventsService {
  readonly #clients = new Map<TenantId, { odoo: OdooConnection; client: OdooClient }>();

  constructor(
    @Inject(CACHE_STORE) private readonly cacheStore: CacheStore,
    @Inject(KNOWLEDGE) private readonly knowledge: Knowledge | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async apply(tenant: TenantConfig, event: OdooEvent): Promise<OdooEventOutcome> {
    const cache = cacheFor(this.cacheStore, tenant.id);
    let invalidated = await cache.invalidate({ model: event.model, ids: event.ids });
    const outcome: OdooEventOutcome = {
      model: event.model,
      ids: event.ids,
      operation: event.operation,
      cache: { invalidated },
    };
    if (!PRODUCT_MODELS.has(event.model)) return outcome;
    // A new product is in no cached search yet: searches are dropped so it can show up.
    if (event.operation === 'create') invalidated += await cache.invalidateKind('odoo_product_search');

    const client = this.#client(tenant);
    if (!client)
      return {
        ...outcome,
        cache: { invalidated },
        products: { synced: [], skipped: 'the tenant has no Odoo connection' },
      };
    const variants =
      event.model === 'product.product' ? event.ids : await this.#variantsOf(client, event.ids);
    if (event.model === 'product.template')
      invalidated += await cache.invalidate({ model: 'product.product', ids: variants });
    const knowledge = this.knowledge;
    if (!knowledge)
      return {
        ...outcome,
        cache: { invalidated },
        products: { synced: [], skipped: 'knowledge is not enabled in this process' },
      };
    if (variants.length === 0)
      return {
        ...outcome,
        cache: { invalidated },
        products: { synced: [], skipped: 'no product variants found (deleted templates cannot be mapped)' },
      };
    const result = await syncProducts({
      tenantId: tenant.id,
      client,
      store: knowledge.store,
      embedder: knowledge.embedder,
      ids: variants,
      language: tenant.language,
    });
    this.logger.info(
      { tenant: tenant.id, model: event.model, operation: event.operation, products: variants.length },
      'Odoo change applied',
    );
    return { ...outcome, cache: { invalidated }, products: { synced: variants, result } };
  }

  async #variantsOf(client: OdooClient, templateIds: number[]): Promise<number[]> {
    const rows = await client.searchRead(
      'product.product',
      [
        ['product_tmpl_id', 'in', templateIds],
        ['active', 'in', [true, false]],
      ],
      { fields: ['id'] },
    );
    return rows.map((r) => r.id);
  }

  /** A direct (uncached) client per tenant, replaced when the tenant's Odoo connection changes. */
  #client(tenant: TenantConfig): OdooClient | undefined {
    const odoo = tenant.odoo;
    if (!odoo || !/^https?:\/\//.test(odoo.url)) return undefined;
    const known = this.#clients.get(tenant.id);
    if (
      known &&
      known.odoo.url === odoo.url &&
      known.odoo.db === odoo.db &&
      known.odoo.user === odoo.user &&
      known.odoo.apiKey.reveal() === odoo.apiKey.reveal()
    )
      return known.client;
    const client = OdooClient.fromConnection(odoo, tenant.id);
    this.#clients.set(tenant.id, { odoo, client });
    return client;
  }
}
