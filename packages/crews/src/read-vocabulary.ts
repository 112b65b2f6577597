import { basename, isAbsolute, relative, resolve } from 'node:path';
import { crewVocabularySchema, type CrewVocabulary } from '@mcp-crew/core';
import { crewInvalid } from './crew-invalid.js';
import { describeIssue } from './describe-issue.js';
import { readYaml } from './read-yaml.js';

/** Reads a vocabulary file (the business's words) and validates it against `crewVocabularySchema`. */
export async function readVocabularyFile(path: string, label = basename(path)): Promise<CrewVocabulary> {
  let data: unknown;
  try {
    data = await readYaml(path, label);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw crewInvalid(label, ['vocabulary file not found'], error);
    throw error;
  }
  const parsed = crewVocabularySchema.safeParse(data);
  if (!parsed.success) throw crewInvalid(label, parsed.error.issues.map((issue) => describeIssue(issue, data)));
  return parsed.data;
}

/**
 * The vocabulary files a crews folder's crews name, each read once per load (a business's crews usually
 * share one). Paths are relative to the crews folder and may not climb out of it.
 */
export function vocabularyFiles(dir: string): (file: string, crewLabel: string) => Promise<CrewVocabulary> {
  const read = new Map<string, Promise<CrewVocabulary>>();
  const folder = basename(dir);
  return (file, crewLabel) => {
    const path = resolve(dir, file);
    const inside = relative(dir, path);
    if (inside.startsWith('..') || isAbsolute(inside))
      return Promise.reject(
        crewInvalid(crewLabel, [`vocabulary: "${file}" must be a path inside the crews folder`]),
      );
    let pending = read.get(path);
    if (!pending) {
      pending = readVocabularyFile(path, `${folder}/${inside}`);
      read.set(path, pending);
    }
    return pending;
  };
}
