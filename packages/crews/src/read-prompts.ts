import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { CrewDefinition, SpecialistKind } from '@mcp-crew/core';
import { crewInvalid } from './crew-invalid.js';

/** Reads the prompt files a crew names (paths relative to the crews folder). */
export async function readPrompts(
  crew: CrewDefinition,
  dir: string,
  label: string,
): Promise<Partial<Record<SpecialistKind, string>>> {
  const texts: Partial<Record<SpecialistKind, string>> = {};
  for (const [kind, file] of Object.entries(crew.prompts) as Array<[SpecialistKind, string]>) {
    const field = `prompts.${kind}`;
    if (!crew.members.includes(kind)) throw crewInvalid(label, [`${field}: "${kind}" is not one of members`]);
    const path = resolve(dir, file);
    const inside = relative(dir, path);
    // Prompts live in the crews folder; a path that climbs out of it is a mistake (or worse).
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw crewInvalid(label, [`${field}: "${file}" must be a path inside the crews folder`]);
    }
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw crewInvalid(label, [`${field}: prompt file "${file}" not found`], error);
    }
    if (text.trim() === '') throw crewInvalid(label, [`${field}: prompt file "${file}" is empty`]);
    texts[kind] = text;
  }
  return texts;
}
