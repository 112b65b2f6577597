import type { Embedder, Language, TenantId, VectorStore } from '@mcp-crew/core';
import type { IngestProgress } from '../ingest-folder.js';
import { laterOdooDatetime, shiftOdooDatetime } from './odoo-datetime.js';
import { PRODUCT_SYNC_FIELDS } from './product-chunk.js';
import { ProductSyncRun, type ProductSyncResult } from './product-sync-run.js';
import type { SyncCursorStore } from './sync-cursor-store.js';

export type { ProductSyncResult } from './product-sync-run.js';

/** An Odoo domain in prefix notation (the shape both `OdooClient` and MCP-Odoo's `OdooApi` accept). */
export type SyncDomain = Array<string | [string, string, unknown]>;

/** What the sync needs from an Odoo client: `OdooClient` and `OdooApi` (cached or not) both fit. */
export interface OdooProductReader {
  searchRead(
    model: string,
    domain: SyncDomain,
    options?: { fields?: string[]; limit?: number; order?: string },
  ): Promise<Array<Record<string, unknown> & { id: number }>>;
  /** Used only to give the progress bar its total. */
  searchCount?(model: string, domain: SyncDomain): Promise<number>;
}

export interface SyncProductsBaseOptions {
  tenantId: TenantId;
  client: OdooProductReader;
  store: VectorStore;
  embedder: Embedder;
  /** Language of the labels in each point's text. Default `es`. */
  language?: Language;
  /** Products per Odoo read. Default 200. */
  pageSize?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export interface SyncProductsFromOdooOptions extends SyncProductsBaseOptions {
  /** Sync products written at or after this Odoo datetime; default: the stored cursor (or everything). */
  since?: string;
  /** Where the cursor is kept between runs; without one the caller keeps `result.cursor`. */
  cursors?: SyncCursorStore;
  /** Read every sellable product and drop points of products gone from Odoo (deleted, not only archived). */
  full?: boolean;
  /**
   * Seconds the window reaches back before the cursor. Odoo stamps `write_date` when a transaction starts,
   * so a slow transaction can commit a stamp below a cursor already taken; re-reading a little costs no
   * writes (hashes are unchanged). Default 60.
   */
  overlapSeconds?: number;
}

export interface SyncProductIdsOptions extends SyncProductsBaseOptions {
  /** Products Odoo reported as changed (created, written, archived or deleted). */
  ids: readonly number[];
}

const MODEL = 'product.product';
const CURSOR_KEY = MODEL;
const ANY_ACTIVE: [string, string, unknown] = ['active', 'in', [true, false]];

/**
 * Brings a tenant's `products` collection up to date with Odoo's sellable products, incrementally: only
 * products written since the cursor are read (archived ones too, so their points are removed), in pages
 * ordered by `(write_date, id)`. Each product is one point, source `odoo:product.product/<id>`, written only
 * when its content hash changed. Points ingested from folders in the same collection are left alone.
 */
export async function syncProductsFromOdoo(options: SyncProductsFromOdooOptions): Promise<ProductSyncResult> {
  const { tenantId, client, cursors } = options;
  const run = await ProductSyncRun.start({ ...options, language: options.language ?? 'es' });
  const stored = options.since ?? (await cursors?.get(tenantId, CURSOR_KEY));
  // A cursor with no synced points (a wiped store, another data dir) would skip everything: start over.
  const since = options.full || (!run.hasSyncedPoints && options.since === undefined) ? undefined : stored;
  const full = since === undefined;
  const base: SyncDomain = full
    ? [['sale_ok', '=', true]]
    : [ANY_ACTIVE, ['write_date', '>=', shiftOdooDatetime(since, -(options.overlapSeconds ?? 60))]];
  const total = (await client.searchCount?.(MODEL, base)) ?? 0;
  const pageSize = options.pageSize ?? 200;
  let cursor = since;
  let after: { writeDate: string; id: number } | undefined;
  for (;;) {
    // Keyset paging: an offset would skip a product that moves to the end of the order while we read.
    const domain: SyncDomain = after
      ? [
          ...base,
          '|',
          ['write_date', '>', after.writeDate],
          '&',
          ['write_date', '=', after.writeDate],
          ['id', '>', after.id],
        ]
      : base;
    const rows = await client.searchRead(MODEL, domain, {
      fields: [...PRODUCT_SYNC_FIELDS],
      limit: pageSize,
      order: 'write_date asc, id asc',
    });
    for (const row of rows) {
      await run.apply(row.id, row, Math.max(total, run.done + 1));
      if (typeof row['write_date'] === 'string') cursor = laterOdooDatetime(cursor, row['write_date']);
    }
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) break;
    after = { writeDate: String(last['write_date']), id: last.id };
  }
  if (full) await run.pruneUnseen();
  if (cursor !== undefined && cursor !== stored) await cursors?.set(tenantId, CURSOR_KEY, cursor);
  return run.result(full, cursor);
}

/**
 * Re-syncs exactly these products (the endpoint Odoo calls when products change): each is written if its
 * content changed, and removed if it was archived, made unsellable or deleted. The cursor is not moved.
 */
export async function syncProducts(options: SyncProductIdsOptions): Promise<ProductSyncResult> {
  const run = await ProductSyncRun.start({ ...options, language: options.language ?? 'es' });
  const ids = [...new Set(options.ids)];
  const pageSize = options.pageSize ?? 200;
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = ids.slice(i, i + pageSize);
    const rows = await options.client.searchRead(MODEL, [['id', 'in', page], ANY_ACTIVE], {
      fields: [...PRODUCT_SYNC_FIELDS],
      limit: page.length,
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of page) await run.apply(id, byId.get(id), ids.length);
  }
  return run.result(false, undefined);
}
