import type { Embedder, Language, TenantId, VectorStore } from '@mcp-crew/core';
import type { IngestProgress } from '../ingest-folder.js';
import { countOutcome, upsertSource, type SourceTally } from '../upsert-source.js';
import { isSellable, PRODUCT_SOURCE_PREFIX, productSource, productToChunk } from './product-chunk.js';

export interface ProductSyncResult extends SourceTally {
  collection: 'products';
  /** Products whose point was written (added + replaced). */
  synced: number;
  /** Products examined (read from Odoo, or reported by id and found gone). */
  read: number;
  /** Whether every sellable product was read (first sync, lost cursor or `full`). */
  full: boolean;
  /** Highest `write_date` seen: where the next sync starts (undefined for `syncProducts` and empty reads). */
  cursor?: string;
}

export type ProductRow = Record<string, unknown> & { id: number };

interface RunOptions {
  tenantId: TenantId;
  store: VectorStore;
  embedder: Embedder;
  language: Language;
  onProgress?: ((progress: IngestProgress) => void) | undefined;
}

/** One sync's state: what the store holds for the tenant, which products were seen, the counters. */
export class ProductSyncRun {
  readonly #tally: SourceTally = { added: 0, replaced: 0, unchanged: 0, deleted: 0, points: 0 };
  readonly #seen = new Set<string>();
  #done = 0;

  private constructor(
    private readonly options: RunOptions,
    private readonly existing: Map<string, string>,
  ) {}

  static async start(options: RunOptions): Promise<ProductSyncRun> {
    await options.store.ensureCollection('products', options.embedder.dimension);
    return new ProductSyncRun(options, await options.store.listSources(options.tenantId, 'products'));
  }

  /** Whether the store holds any point synced from Odoo for the tenant. */
  get hasSyncedPoints(): boolean {
    return [...this.existing.keys()].some((s) => s.startsWith(PRODUCT_SOURCE_PREFIX));
  }

  get done(): number {
    return this.#done;
  }

  /** Writes, keeps or removes one product's point; `row` undefined means Odoo no longer has the product. */
  async apply(id: number, row: ProductRow | undefined, total: number): Promise<void> {
    const { tenantId, store, embedder, language } = this.options;
    const source = productSource(id);
    this.#seen.add(source);
    if (!row || !isSellable(row)) {
      await this.#remove(source);
    } else {
      const chunk = productToChunk(row, language);
      const target = { tenantId, collection: 'products' as const, store, embedder };
      countOutcome(
        this.#tally,
        await upsertSource(target, this.existing.get(source), {
          source,
          language,
          content: JSON.stringify(chunk),
          chunks: () => [chunk],
        }),
      );
    }
    this.#done++; // not inside the optional call below: its arguments are skipped when there is no listener
    this.options.onProgress?.({ done: this.#done, total, source });
  }

  /** Removes the synced points of products this run did not see (after a full read: deleted in Odoo). */
  async pruneUnseen(): Promise<void> {
    for (const source of [...this.existing.keys()]) {
      if (source.startsWith(PRODUCT_SOURCE_PREFIX) && !this.#seen.has(source)) await this.#remove(source);
    }
  }

  result(full: boolean, cursor: string | undefined): ProductSyncResult {
    const tally = this.#tally;
    const result: ProductSyncResult = {
      collection: 'products',
      ...tally,
      synced: tally.added + tally.replaced,
      read: this.#done,
      full,
    };
    if (cursor !== undefined) result.cursor = cursor;
    return result;
  }

  async #remove(source: string): Promise<void> {
    if (!this.existing.has(source)) return;
    await this.options.store.deleteBySource(this.options.tenantId, 'products', source);
    this.existing.delete(source);
    this.#tally.deleted++;
  }
}
