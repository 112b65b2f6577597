import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { COLLECTION_KINDS, tenantId } from '@mcp-crew/core';

/** The demo tenant's seed knowledge is loaded on demand, so `crew search --tenant demo` works on a fresh clone. */
// Commands load their packages lazily so `crew --help` and the other commands start fast.
async function settings() {
  const { loadSettings } = await import('@mcp-crew/config');
  return loadSettings();
}

async function ensureDemo(tenant: string): Promise<void> {
  const { COLLECTIONS_DIR, DATA_DIR } = await settings();
  const collectionsDir = resolve(COLLECTIONS_DIR);
  if (tenant !== 'demo' || !existsSync(collectionsDir)) return;
  const [{ ensureDemoKnowledge, createVectorStore }, { createEmbedder }] = await Promise.all([import('@mcp-crew/knowledge'), import('@mcp-crew/embeddings')]);
  const store = createVectorStore(resolve(DATA_DIR));
  try {
    await ensureDemoKnowledge({ tenantId: tenantId('demo'), collectionsDir, store, embedder: createEmbedder() });
  } finally {
    await store.close();
  }
}

export function registerKnowledge(program: Command): void {
  program
    .command('ingest')
    .description('Ingest a folder (Markdown, YAML, CSV, JSONL) into a tenant\'s collection, idempotently; or sync products from Odoo.')
    .requiredOption('--tenant <id>', 'tenant id (any: a tenant\'s knowledge is what was ingested for it)')
    .option('--collection <kind>', `collection: ${COLLECTION_KINDS.join(', ')} (default: from the folder's manifest.yaml)`)
    .option('--from-odoo', 'sync the products collection from Odoo by write_date (ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY)')
    .option('--full', 'with --from-odoo: read every product, not only those changed since the last sync')
    .argument('[folder]', 'folder to ingest')
    .action(async (folder: string | undefined, opts: { tenant: string; collection?: string; fromOdoo?: boolean; full?: boolean }) => {
      const { DATA_DIR } = await settings();
      const knowledge = await import('@mcp-crew/knowledge');
      if (opts.fromOdoo) {
        const env = process.env;
        const missing = ['ODOO_URL', 'ODOO_DB', 'ODOO_USER', 'ODOO_API_KEY'].filter((k) => !env[k]);
        if (missing.length) throw new Error(`--from-odoo needs ${missing.join(', ')}`);
        await knowledge.runSyncCommand({
          tenant: opts.tenant,
          dataDir: resolve(DATA_DIR),
          odoo: { url: env['ODOO_URL']!, db: env['ODOO_DB']!, user: env['ODOO_USER']!, apiKey: env['ODOO_API_KEY']! },
          full: opts.full === true,
        });
        return;
      }
      if (!folder) throw new Error('give a folder to ingest, or --from-odoo');
      await knowledge.runIngestCommand({ tenant: opts.tenant, folder, dataDir: resolve(DATA_DIR), ...(opts.collection ? { collection: opts.collection } : {}) });
    });

  program
    .command('search')
    .description('Search a tenant\'s collection and print the top results with scores and sources: what the agents see.')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--collection <kind>', `collection: ${COLLECTION_KINDS.join(', ')}`)
    .option('--top <n>', 'how many results', '5')
    .option('--mode <mode>', 'hybrid, dense or keyword', 'hybrid')
    .argument('<query...>', 'what a customer would ask')
    .action(async (query: string[], opts: { tenant: string; collection: string; top: string; mode: 'hybrid' | 'dense' | 'keyword' }) => {
      await ensureDemo(opts.tenant);
      const { runSearchCommand } = await import('@mcp-crew/knowledge');
      await runSearchCommand({ tenant: opts.tenant, collection: opts.collection, query: query.join(' '), topK: Number(opts.top), mode: opts.mode, dataDir: resolve((await settings()).DATA_DIR) });
    });
}
