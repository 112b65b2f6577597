import { tenantId as toTenantId, type Embedder, type Secret } from '@mcp-crew/core';
import { OdooClient, type OdooProtocol } from '@mcp-crew/odoo-client';
import type { OpenVectorStore } from '../cli-commands.js';
import { progressBar } from '../progress-bar.js';
import { FileSyncCursorStore } from './sync-cursor-store.js';
import { syncProductsFromOdoo, type OdooProductReader, type ProductSyncResult } from './sync-products.js';

export interface SyncCommandOptions {
  tenant: string;
  /** Where the sync cursor file lives. */
  dataDir: string;
  /** Opens the vector store the composition root chose (the command closes it); the embedder likewise comes from there. */
  openStore: OpenVectorStore;
  embedder: Embedder;
  /** The tenant's Odoo (the API key is wrapped in a `Secret` and never printed). */
  odoo: { url: string; db: string; user: string; apiKey: string | Secret; protocol?: OdooProtocol | 'auto' };
  /** Read every sellable product and drop points of products deleted in Odoo. */
  full?: boolean;
  /** Replaces the client built from `odoo` (tests, or a caller's cached client). */
  client?: OdooProductReader;
  print?: (line: string) => void;
  /** Show the progress bar (default: when stdout is a terminal). */
  progressBar?: boolean;
}

/**
 * `crew ingest --tenant T --collection products --from-odoo`: syncs the tenant's sellable Odoo products into
 * its `products` collection, from the cursor kept in `<dataDir>/odoo-sync-cursors.json`.
 */
export async function runSyncCommand(options: SyncCommandOptions): Promise<ProductSyncResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const tenantId = toTenantId(options.tenant);
  const client = options.client ?? new OdooClient({ ...options.odoo, tenant: tenantId });
  const store = options.openStore();
  const { embedder } = options;
  const bar = progressBar(options.progressBar ?? process.stdout.isTTY, 'sync');
  try {
    const result = await syncProductsFromOdoo({
      tenantId,
      client,
      store,
      embedder,
      cursors: FileSyncCursorStore.inDataDir(options.dataDir),
      onProgress: bar.onProgress,
      ...(options.full ? { full: true } : {}),
    });
    bar.stop();
    const scope = result.full ? 'full' : 'changed';
    print(
      `${tenantId}/products from Odoo (${scope}, ${result.read} read): ${result.added} added, ${result.replaced} replaced, ${result.unchanged} unchanged, ${result.deleted} deleted (${result.points} points written), cursor ${result.cursor ?? 'none'} [${store.id}, ${embedder.id}]`,
    );
    return result;
  } finally {
    bar.stop();
    await store.close();
  }
}
