import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Embedder, TenantConfig, VectorStore } from '@mcp-crew/core';
import { createEmbedder } from '@mcp-crew/embeddings';
import { buildKnowledgeMcpServer, createVectorStore, ensureDemoKnowledge } from '@mcp-crew/knowledge';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import type { Logger } from 'pino';

export interface Knowledge {
  store: VectorStore;
  embedder: Embedder;
  /** The knowledge search tool for a tenant's specialists, always scoped to that tenant. */
  clientFor(tenant: TenantConfig): Promise<Client>;
  close(): Promise<void>;
}

/**
 * The tenants' knowledge: Qdrant when QDRANT_URL is set, else the embedded store under DATA_DIR. The demo
 * tenant's seed collections are ingested on start (idempotent: unchanged files cost a hash comparison).
 */
export async function openKnowledge(options: { dataDir: string; collectionsDir: string; env: NodeJS.ProcessEnv; tenants: TenantConfig[]; logger: Logger }): Promise<Knowledge> {
  const store = createVectorStore(resolve(options.dataDir), options.env);
  const embedder = createEmbedder(options.env);
  const demo = options.tenants.find((t) => t.id === 'demo' && t.enabled);
  if (demo && existsSync(options.collectionsDir)) {
    const results = await ensureDemoKnowledge({ tenantId: demo.id, collectionsDir: options.collectionsDir, store, embedder });
    const sources = results.map((r) => `${r.collection}: ${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged, ${r.deleted} deleted`);
    options.logger.info({ tenant: demo.id, sources }, 'demo knowledge ready');
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
