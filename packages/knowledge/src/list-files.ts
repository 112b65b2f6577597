import { readdirSync } from 'node:fs';
import { extname, matchesGlob, relative, join, sep } from 'node:path';
import { SUPPORTED_EXTENSIONS } from './loaders/load-source.js';
import { MANIFEST_FILE } from './manifest.js';

/** Files under `folder` (relative, `/`-separated, sorted) that match one of the globs and have a known type. */
export function listSourceFiles(folder: string, include: string[]): string[] {
  const supported = new Set<string>(SUPPORTED_EXTENSIONS);
  return (
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((rel) => rel !== MANIFEST_FILE && supported.has(extname(rel).toLowerCase()))
      // `**/*.md` does not match a top-level file in every glob dialect; try both forms.
      .filter((rel) =>
        include.some((glob) => matchesGlob(rel, glob) || matchesGlob(rel, glob.replace(/^\*\*\//, ''))),
      )
      .sort()
  );
}
