import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { CREW_NAMES, type CrewDefinition, type CrewName, type SpecialistKind } from '@mcp-crew/core';
import { crewInvalid } from './crew-invalid.js';
import { readCrewFile } from './read-crew-file.js';
import { readPrompts } from './read-prompts.js';
import { vocabularyFiles } from './read-vocabulary.js';

/** A validated crew with the text of its specialist prompts. */
export type LoadedCrew = CrewDefinition & { promptTexts: Partial<Record<SpecialistKind, string>> };

const isCrewName = (name: string): name is CrewName => (CREW_NAMES as readonly string[]).includes(name);

/**
 * Loads every `<crew>.yaml` of a crews folder, validated against `crewDefinitionSchema`, with its
 * prompt files and its vocabulary file. Fails with `CREW_INVALID` (naming the file, the field and what was expected) on a
 * broken file, an unknown crew file, a missing prompt, or a crew of `CREW_NAMES` without a file.
 */
export async function loadCrews(dir: string): Promise<Map<CrewName, LoadedCrew>> {
  const folder = basename(dir);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    throw crewInvalid(`${folder}/`, ['crews folder not found or not readable'], error);
  }

  const found = new Map<CrewName, LoadedCrew>();
  const vocabulary = vocabularyFiles(dir);
  for (const file of entries.filter((f) => ['.yaml', '.yml'].includes(extname(f))).sort()) {
    const label = `${folder}/${file}`;
    const name = basename(file, extname(file));
    if (!isCrewName(name)) throw crewInvalid(label, [`unknown crew "${name}": expected one of ${CREW_NAMES.join(', ')}`]);
    if (found.has(name)) throw crewInvalid(label, [`crew "${name}" is defined twice (.yaml and .yml)`]);
    const crew = await readCrewFile(join(dir, file), label, name, vocabulary);
    found.set(name, { ...crew, promptTexts: await readPrompts(crew, dir, label) });
  }

  const missing = CREW_NAMES.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw crewInvalid(`${folder}/`, missing.map((name) => `missing crew file ${folder}/${name}.yaml`));
  }
  // Always the same order (CREW_NAMES), whatever order the folder listed.
  return new Map(CREW_NAMES.map((name) => [name, found.get(name)!]));
}
