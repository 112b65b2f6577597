import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { COLLECTION_KINDS, CrewError, type CollectionKind, type Language } from '@mcp-crew/core';

const ManifestSchema = z.object({
  collection: z.enum(COLLECTION_KINDS).describe('which collection the folder feeds'),
  language: z.enum(['es', 'pt', 'en']).default('es'),
  description: z.string().default(''),
  include: z.array(z.string()).default(['**/*.md', '**/*.yaml', '**/*.yml', '**/*.csv', '**/*.jsonl']),
});

/** `manifest.yaml` of a collection folder. */
export interface CollectionManifest {
  collection: CollectionKind;
  language: Language;
  description: string;
  /** Globs, relative to the folder, of the files to ingest. */
  include: string[];
}

export const MANIFEST_FILE = 'manifest.yaml';

/** The folder's manifest, or undefined when it has none. */
export function readManifest(folder: string): CollectionManifest | undefined {
  const file = join(folder, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = ManifestSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new CrewError(
      'knowledge.invalid_manifest',
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      {
        domain: 'knowledge',
        category: 'user',
        details: { file },
      },
    );
  }
  return parsed.data;
}
