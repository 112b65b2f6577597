import { crewDefinitionSchema, type CrewDefinition, type CrewName, type CrewVocabulary } from '@mcp-crew/core';
import { crewInvalid } from './crew-invalid.js';
import { describeIssue } from './describe-issue.js';
import { readYaml } from './read-yaml.js';

/**
 * Reads and validates one crew file. `label` is how errors name it (`crews/whatsapp.yaml`);
 * `expectedName` is the crew the file name promises. A `vocabulary` naming a file is replaced by that
 * file's validated content (`vocabulary` reads it).
 */
export async function readCrewFile(
  path: string,
  label: string,
  expectedName: CrewName,
  vocabulary?: (file: string, crewLabel: string) => Promise<CrewVocabulary>,
): Promise<CrewDefinition> {
  const data = await readYaml(path, label);
  if (vocabulary && isRecord(data) && typeof data['vocabulary'] === 'string')
    data['vocabulary'] = await vocabulary(data['vocabulary'], label);
  const parsed = crewDefinitionSchema.safeParse(data);
  if (!parsed.success) throw crewInvalid(label, parsed.error.issues.map((issue) => describeIssue(issue, data)));
  if (parsed.data.name !== expectedName) {
    throw crewInvalid(label, [`name: expected "${expectedName}" (the file name), got "${parsed.data.name}"`]);
  }
  return parsed.data;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
