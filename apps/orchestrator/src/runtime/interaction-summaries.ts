import type { Embedder, VectorStore } from '@mcp-crew/core';
import { upsertSource } from '@mcp-crew/knowledge';
import { summarySource, type InteractionSummary, type SummaryWriter } from '@mcp-crew/pipeline';

/**
 * Summaries of resolved conversations as points of the tenant's `interaction_history` collection, one per
 * conversation (source `chatwoot:conversation/<id>`): resolving again replaces the point.
 */
export class InteractionHistoryWriter implements SummaryWriter {
  #ready: Promise<void> | undefined;

  constructor(private readonly knowledge: { store: VectorStore; embedder: Embedder }) {}

  async write(summary: InteractionSummary): Promise<void> {
    const { store, embedder } = this.knowledge;
    // Once per process; a failed check is retried on the next write.
    this.#ready ??= store
      .ensureCollection('interaction_history', embedder.dimension)
      .catch((error: unknown) => {
        this.#ready = undefined;
        throw error;
      });
    await this.#ready;
    const source = summarySource(summary.conversationId);
    // Delete-then-add instead of comparing hashes: listing every source of a growing history per write costs more.
    await store.deleteBySource(summary.tenantId, 'interaction_history', source);
    await upsertSource(
      { tenantId: summary.tenantId, collection: 'interaction_history', store, embedder },
      undefined,
      {
        source,
        language: summary.language,
        content: summary.text,
        chunks: () => [
          { text: summary.text, metadata: { ...summary.metadata, conversationId: summary.conversationId } },
        ],
      },
    );
  }
}
