import { extname } from 'node:path';
import { CrewError } from '@mcp-crew/core';
import type { Chunk } from './chunk.js';
import { loadMarkdown } from './load-markdown.js';
import { loadCsv, loadJsonl, loadYaml } from './load-structured.js';

export const SUPPORTED_EXTENSIONS = ['.md', '.markdown', '.yaml', '.yml', '.csv', '.jsonl'] as const;

/** Chunks of one file, by extension. */
export async function loadSource(path: string, content: string): Promise<Chunk[]> {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.md' || ext === '.markdown') return await loadMarkdown(content);
    if (ext === '.yaml' || ext === '.yml') return loadYaml(content);
    if (ext === '.csv') return loadCsv(content);
    if (ext === '.jsonl') return loadJsonl(content);
  } catch (cause) {
    throw new CrewError('knowledge.unreadable_source', `cannot read ${path}: ${(cause as Error).message}`, {
      domain: 'knowledge',
      category: 'user',
      details: { path },
      cause,
    });
  }
  throw new CrewError('knowledge.unsupported_source', `unsupported file type: ${path}`, {
    domain: 'knowledge',
    category: 'user',
    details: { path },
  });
}
