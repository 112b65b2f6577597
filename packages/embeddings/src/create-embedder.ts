import { CrewError, Secret, type Embedder } from '@mcp-crew/core';
import { LocalEmbedder } from './local-embedder.js';
import { OpenAIEmbedder } from './openai-embedder.js';

/**
 * Chooses the embedder from the environment:
 * - `EMBEDDINGS_PROVIDER` = `local` (default when no key) or `openai` (default when `OPENAI_API_KEY` is set);
 * - `OPENAI_API_KEY`, `OPENAI_BASE_URL` (any OpenAI-compatible endpoint), `EMBEDDINGS_MODEL`, `EMBEDDINGS_DIMENSION`.
 */
export function createEmbedder(env: Record<string, string | undefined> = process.env): Embedder {
  const key = env['OPENAI_API_KEY'] || undefined;
  const provider = env['EMBEDDINGS_PROVIDER'] || (key ? 'openai' : 'local');
  const dimension = env['EMBEDDINGS_DIMENSION'] ? Number(env['EMBEDDINGS_DIMENSION']) : undefined;
  if (dimension !== undefined && (!Number.isInteger(dimension) || dimension <= 0)) {
    throw configError('EMBEDDINGS_DIMENSION must be a positive integer');
  }
  if (provider === 'local') return new LocalEmbedder(dimension === undefined ? {} : { dimension });
  if (provider !== 'openai') throw configError(`EMBEDDINGS_PROVIDER must be "local" or "openai", got "${provider}"`);
  if (!key) throw configError('EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY');
  return new OpenAIEmbedder({
    apiKey: new Secret(key),
    ...(env['OPENAI_BASE_URL'] ? { baseUrl: env['OPENAI_BASE_URL'] } : {}),
    ...(env['EMBEDDINGS_MODEL'] ? { model: env['EMBEDDINGS_MODEL'] } : {}),
    ...(dimension !== undefined ? { dimension } : {}),
  });
}

function configError(message: string): CrewError {
  return new CrewError('embeddings.invalid_config', message, { domain: 'embeddings', category: 'user' });
}
