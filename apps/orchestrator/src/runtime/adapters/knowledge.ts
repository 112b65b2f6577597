import { resolve } from 'node:path';
import type { Settings } from '@mcp-crew/config';
import type { Embedder, VectorStore } from '@mcp-crew/core';
import { LocalEmbedder, OpenAIEmbedder } from '@mcp-crew/embeddings';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { QdrantVectorStore } from '@mcp-crew/vector-qdrant';

/** The vector store: Qdrant (settings.adapters.vectors = qdrant) or the embedded store at `<DATA_DIR>/vectors.db`. */
export function openVectorStore(
  settings: Pick<
    Settings,
    'adapters' | 'DATA_DIR' | 'QDRANT_URL' | 'QDRANT_API_KEY' | 'QDRANT_COLLECTION_PREFIX'
  >,
): VectorStore {
  if (settings.adapters.vectors === 'qdrant' && settings.QDRANT_URL) {
    return new QdrantVectorStore({
      url: settings.QDRANT_URL,
      collectionPrefix: settings.QDRANT_COLLECTION_PREFIX,
      ...(settings.QDRANT_API_KEY ? { apiKey: settings.QDRANT_API_KEY } : {}),
    });
  }
  return EmbeddedVectorStore.inDataDir(resolve(settings.DATA_DIR));
}

/** The embedder: OpenAI-compatible (settings.adapters.embedder = openai) or the local one. */
export function createEmbedder(
  settings: Pick<
    Settings,
    'adapters' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'EMBEDDINGS_MODEL' | 'EMBEDDINGS_DIMENSION'
  >,
): Embedder {
  const dimension = settings.EMBEDDINGS_DIMENSION;
  if (settings.adapters.embedder === 'openai' && settings.OPENAI_API_KEY) {
    return new OpenAIEmbedder({
      apiKey: settings.OPENAI_API_KEY,
      model: settings.EMBEDDINGS_MODEL,
      ...(settings.OPENAI_BASE_URL ? { baseUrl: settings.OPENAI_BASE_URL } : {}),
      ...(dimension !== undefined ? { dimension } : {}),
    });
  }
  return new LocalEmbedder(dimension === undefined ? {} : { dimension });
}
