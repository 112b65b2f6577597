import { tenantId as toTenantId, type Embedder } from '@mcp-crew/core';
import { parseCollection, type OpenVectorStore } from './cli-commands.js';
import { ensureDemoKnowledge, type DemoSeedResult } from './ensure-demo-knowledge.js';
import { forgetSources } from './forget-sources.js';
import { progressBar } from './progress-bar.js';
import { assertEmbedderFits, reindexKnowledge, type ReindexResult } from './reindex.js';

interface StoreCommandOptions {
  /** Opens the vector store the composition root chose (the command closes it). */
  openStore: OpenVectorStore;
  print?: (line: string) => void;
}

const stdout = (line: string) => console.log(line);

/** `crew forget --tenant T --collection K <source...>`: deletes exactly the named sources. */
export async function runForgetCommand(
  options: StoreCommandOptions & { tenant: string; collection: string; sources: string[] },
): Promise<string[]> {
  const print = options.print ?? stdout;
  const tenantId = toTenantId(options.tenant);
  const collection = parseCollection(options.collection);
  const store = options.openStore();
  try {
    const gone = await forgetSources({ tenantId, collection, sources: options.sources, store });
    for (const source of gone) print(`forgot ${tenantId}/${source}`);
    return gone;
  } finally {
    await store.close();
  }
}

/** `crew ingest --tenant demo --seed-demo`: (re)ingests the demo seed on request, whatever the tenant holds. */
export async function runSeedDemoCommand(
  options: StoreCommandOptions & { tenant: string; collectionsDir: string; embedder: Embedder },
): Promise<DemoSeedResult> {
  const print = options.print ?? stdout;
  const store = options.openStore();
  const { embedder } = options;
  try {
    await assertEmbedderFits(store, embedder);
    const result = await ensureDemoKnowledge({
      tenantId: toTenantId(options.tenant),
      collectionsDir: options.collectionsDir,
      store,
      embedder,
      force: true,
    });
    for (const r of result.ingested)
      print(
        `${options.tenant}/${r.collection}: ${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged (seed; nothing else touched)`,
      );
    return result;
  } finally {
    await store.close();
  }
}

/** `crew reindex`: re-embeds every tenant's knowledge with the current embedder, with a progress bar. */
export async function runReindexCommand(
  options: StoreCommandOptions & { embedder: Embedder; progressBar?: boolean },
): Promise<ReindexResult[]> {
  const print = options.print ?? stdout;
  const store = options.openStore();
  const { embedder } = options;
  const bar = progressBar(options.progressBar ?? process.stdout.isTTY, 'reindex');
  try {
    const results = await reindexKnowledge({ store, embedder, onProgress: bar.onProgress });
    bar.stop();
    if (results.length === 0) print('nothing to reindex: the store holds no collection');
    for (const r of results)
      print(
        `${r.collection}: ${r.points} points of ${r.tenants} tenant${r.tenants === 1 ? '' : 's'} re-embedded, ${r.from} -> ${r.to} dimensions [${store.id}, ${embedder.id}]`,
      );
    return results;
  } finally {
    bar.stop();
    await store.close();
  }
}
