import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '@mcp-crew/config';
import { DeterministicSelector } from '@mcp-crew/core';
import { LocalEmbedder, OpenAIEmbedder } from '@mcp-crew/embeddings';
import { InMemoryQueue } from '@mcp-crew/queue-memory';
import { MemoryCopilotJobStore } from '@mcp-crew/state-memory';
import { RedisCopilotJobStore } from '@mcp-crew/state-redis';
import { EmbeddedVectorStore } from '@mcp-crew/vector-libsql';
import { QdrantVectorStore } from '@mcp-crew/vector-qdrant';
import { pino } from 'pino';
import {
  createEmbedder,
  createLanguageModel,
  createSpecialistSelector,
  openCopilotJobStore,
  openQueue,
  openVectorStore,
} from './index.js';

const logger = pino({ level: 'silent' });

describe('adapter factories (one per port, obeying settings.adapters)', () => {
  it('choose the embedded and in-process adapters with an empty environment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crew-adapters-'));
    try {
      const settings = loadSettings({ DATA_DIR: dataDir });
      const store = openVectorStore(settings);
      expect(store).toBeInstanceOf(EmbeddedVectorStore);
      await store.close();
      expect(createEmbedder(settings)).toBeInstanceOf(LocalEmbedder);
      expect(createLanguageModel(settings)).toBeUndefined();
      expect(createSpecialistSelector(undefined, logger)).toBeInstanceOf(DeterministicSelector);
      const queue = openQueue(settings, logger);
      expect(queue).toBeInstanceOf(InMemoryQueue);
      await queue.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keep copilot jobs in Redis when Redis is configured (any replica answers), else in the process', async () => {
    expect(openCopilotJobStore(loadSettings({}))).toBeInstanceOf(MemoryCopilotJobStore);
    const shared = openCopilotJobStore(loadSettings({ REDIS_URL: 'redis://127.0.0.1:6379' }));
    expect(shared).toBeInstanceOf(RedisCopilotJobStore);
    await (shared as RedisCopilotJobStore).close();
  });

  it('choose OpenAI, its model and dimension, and Qdrant when the settings name them', () => {
    const settings = loadSettings({
      OPENAI_API_KEY: 'sk-test',
      EMBEDDINGS_MODEL: 'text-embedding-3-large',
      EMBEDDINGS_DIMENSION: '256',
      QDRANT_URL: 'http://127.0.0.1:6333',
    });
    const embedder = createEmbedder(settings);
    expect(embedder).toBeInstanceOf(OpenAIEmbedder);
    expect(embedder.id).toBe('openai:text-embedding-3-large:256');
    expect(openVectorStore(settings)).toBeInstanceOf(QdrantVectorStore);
    expect(createLanguageModel(settings)?.modelId).toBe('gpt-4o');
  });

  it('keep the local embedder when EMBEDDINGS_PROVIDER says so, even with a key', () => {
    expect(
      createEmbedder(loadSettings({ OPENAI_API_KEY: 'sk-test', EMBEDDINGS_PROVIDER: 'local' })),
    ).toBeInstanceOf(LocalEmbedder);
  });
});
