import { Secret, type VectorStore } from '@mcp-crew/core';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { QdrantVectorStore } from '@mcp-crew/vector-qdrant';

/**
 * Qdrant when `QDRANT_URL` is set (`QDRANT_API_KEY`, `QDRANT_COLLECTION_PREFIX` optional), otherwise the
 * embedded store at `<dataDir>/vectors.db`.
 */
export function createVectorStore(dataDir: string, env: Record<string, string | undefined> = process.env): VectorStore {
  const url = env['QDRANT_URL'];
  if (url) {
    return new QdrantVectorStore({
      url,
      ...(env['QDRANT_API_KEY'] ? { apiKey: new Secret(env['QDRANT_API_KEY']) } : {}),
      ...(env['QDRANT_COLLECTION_PREFIX'] ? { collectionPrefix: env['QDRANT_COLLECTION_PREFIX'] } : {}),
    });
  }
  return EmbeddedVectorStore.inDataDir(dataDir);
}
