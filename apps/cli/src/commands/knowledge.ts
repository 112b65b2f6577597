import { resolve } from 'node:path';
import type { Command } from 'commander';
import { COLLECTION_KINDS, type Embedder, type VectorStore } from '@mcp-crew/core';
import type { Settings } from '@mcp-crew/config';

// Commands load their packages lazily so `crew --help` and the other commands start fast.
async function settings(): Promise<Settings> {
  const { loadSettings } = await import('@mcp-crew/config');
  return loadSettings();
}

/** The vector store opener and embedder the settings choose: the orchestrator's factories, one per port. */
async function knowledgePorts(s: Settings): Promise<{ openStore: () => VectorStore; embedder: Embedder }> {
  const { openVectorStore, createEmbedder } = await import('@mcp-crew/orchestrator');
  return { openStore: () => openVectorStore(s), embedder: createEmbedder(s) };
}

export function registerKnowledge(program: Command): void {
  program
    .command('ingest')
    .description(
      "Add or replace a folder's sources (Markdown, YAML, CSV, JSONL) in a tenant's collection, idempotently; other sources stay. Or sync products from Odoo, or re-apply the demo seed.",
    )
    .requiredOption('--tenant <id>', "tenant id (any: a tenant's knowledge is what was ingested for it)")
    .option(
      '--collection <kind>',
      `collection: ${COLLECTION_KINDS.join(', ')} (default: from the folder's manifest.yaml)`,
    )
    .option(
      '--from-odoo',
      'sync the products collection from Odoo by write_date (ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY)',
    )
    .option('--full', 'with --from-odoo: read every product, not only those changed since the last sync')
    .option('--prune', "also DELETE the collection's file sources that are not in this folder")
    .option(
      '--seed-demo',
      'ingest the demo seed (COLLECTIONS_DIR) into every collection, even ones that hold knowledge',
    )
    .argument('[folder]', 'folder to ingest')
    .action(
      async (
        folder: string | undefined,
        opts: {
          tenant: string;
          collection?: string;
          fromOdoo?: boolean;
          full?: boolean;
          prune?: boolean;
          seedDemo?: boolean;
        },
      ) => {
        const s = await settings();
        const { DATA_DIR, COLLECTIONS_DIR } = s;
        const knowledge = await import('@mcp-crew/knowledge');
        const ports = await knowledgePorts(s);
        if (opts.seedDemo) {
          if (folder || opts.fromOdoo)
            throw new Error('--seed-demo ingests COLLECTIONS_DIR: give no folder and no --from-odoo');
          await knowledge.runSeedDemoCommand({
            tenant: opts.tenant,
            collectionsDir: resolve(COLLECTIONS_DIR),
            ...ports,
          });
          return;
        }
        if (opts.fromOdoo) {
          // The same validated catalog as `crew mcp odoo`: errors name each missing or wrong variable.
          const { parseEnv, odooMcpCatalog } = await import('@mcp-crew/config');
          const { ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY, ODOO_PROTOCOL } = odooMcpCatalog;
          const odoo = parseEnv(
            { ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY, ODOO_PROTOCOL },
            process.env,
            '--from-odoo',
          );
          await knowledge.runSyncCommand({
            tenant: opts.tenant,
            dataDir: resolve(DATA_DIR),
            ...ports,
            odoo: {
              url: odoo.ODOO_URL,
              db: odoo.ODOO_DB,
              user: odoo.ODOO_USER,
              apiKey: odoo.ODOO_API_KEY,
              protocol: odoo.ODOO_PROTOCOL,
            },
            full: opts.full === true,
          });
          return;
        }
        if (!folder) throw new Error('give a folder to ingest, or --from-odoo');
        await knowledge.runIngestCommand({
          tenant: opts.tenant,
          folder,
          ...ports,
          prune: opts.prune === true,
          ...(opts.collection ? { collection: opts.collection } : {}),
        });
      },
    );

  program
    .command('forget')
    .description(
      "Delete exactly the named sources of a tenant's collection (as `crew search` prints them); an unknown name deletes nothing.",
    )
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--collection <kind>', `collection: ${COLLECTION_KINDS.join(', ')}`)
    .argument(
      '<sources...>',
      'sources, e.g. business_rules/horarios.md; a trailing / forgets every source under it',
    )
    .action(async (sources: string[], opts: { tenant: string; collection: string }) => {
      const { runForgetCommand } = await import('@mcp-crew/knowledge');
      await runForgetCommand({
        tenant: opts.tenant,
        collection: opts.collection,
        sources,
        ...(await knowledgePorts(await settings())),
      });
    });

  program
    .command('reindex')
    .description(
      "Re-embed every tenant's knowledge with the current embedder (after switching OPENAI_API_KEY / EMBEDDINGS_*); nothing is lost.",
    )
    .action(async () => {
      const { runReindexCommand } = await import('@mcp-crew/knowledge');
      await runReindexCommand(await knowledgePorts(await settings()));
    });

  program
    .command('search')
    .description(
      "Search a tenant's collection and print the top results with scores and sources: what the agents see.",
    )
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--collection <kind>', `collection: ${COLLECTION_KINDS.join(', ')}`)
    .option('--top <n>', 'how many results', '5')
    .option('--mode <mode>', 'hybrid, dense or keyword', 'hybrid')
    .argument('<query...>', 'what a customer would ask')
    .action(
      async (
        query: string[],
        opts: { tenant: string; collection: string; top: string; mode: 'hybrid' | 'dense' | 'keyword' },
      ) => {
        // Read-only: search never ingests (the demo seed comes from the main job's first start or --seed-demo).
        const { runSearchCommand } = await import('@mcp-crew/knowledge');
        await runSearchCommand({
          tenant: opts.tenant,
          collection: opts.collection,
          query: query.join(' '),
          topK: Number(opts.top),
          mode: opts.mode,
          ...(await knowledgePorts(await settings())),
        });
      },
    );
}
