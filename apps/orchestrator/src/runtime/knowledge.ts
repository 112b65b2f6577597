import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Embedder, TenantConfig, VectorStore } from '@mcp-crew/core';
import type { Settings } from '@mcp-crew/config';
import { assertEmbedderFits, buildKnowledgeMcpServer, ensureDemoKnowledge } from '@mcp-crew/knowledge';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import type { Logger } from 'pino';
import { createEmbedder, openVectorStore } from './adapters/index.js';

export interface Knowledge {
  store: VectorStore;
  embedder: Embedder;
  /** The knowledge search tool for a tenant's specialists, always scoped to that tenant. */
  clientFor(tenant: TenantConfig): Promise<Client>;
  close(): Promise<void>;
}

/**
 * The tenants' knowledge over the vector store and embedder the settings choose (adapters/knowledge.ts). Start
 * fails, naming `crew reindex`, when the stored vectors come from another embedder. The demo seed fills
 * only the demo tenant's empty collections: what was ingested, replaced or forgotten since stays so.
 */
export async function openKnowledge(options: {
  settings: Settings;
  tenants: TenantConfig[];
  logger: Logger;
}): Promise<Knowledge> {
  const store = openVectorStore(options.settings);
  const embedder = createEmbedder(options.settings);
  const collectionsDir = resolve(options.settings.COLLECTIONS_DIR);
  try {
    await assertEmbedderFits(store, embedder);
  } catch (error) {
    await store.close();
    throw error;
  }
  const demo = options.tenants.find((t) => t.id === 'demo' && t.enabled);
  if (demo && existsSync(collectionsDir)) {
    const { ingested, kept } = await ensureDemoKnowledge({
      tenantId: demo.id,
      collectionsDir,
      store,
      embedder,
    });
    const seeded = ingested.map((r) => `${r.collection}: ${r.added} added`);
    options.logger.info(
      { tenant: demo.id, seeded, kept },
      'demo knowledge ready (seed only into empty collections; crew ingest --seed-demo re-applies it)',
    );
  }
  const clients = new Map<string, Promise<Client>>();
  return {
    store,
    embedder,
    clientFor(tenant) {
      let client = clients.get(tenant.id);
      if (!client) {
        client = connectInProcess(buildKnowledgeMcpServer({ tenantId: tenant.id, store, embedder }));
        clients.set(tenant.id, client);
      }
      return client;
    },
    async close() {
      for (const client of clients.values()) await (await client).close().catch(() => undefined);
      await store.close();
    },
  };
}
