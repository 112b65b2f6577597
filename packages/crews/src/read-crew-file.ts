import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { crewDefinitionSchema, type CrewDefinition, type CrewName } from '@mcp-crew/core';
import { crewInvalid } from './crew-invalid.js';
import { describeIssue } from './describe-issue.js';

/**
 * Reads and validates one crew file. `label` is how errors name it (`crews/whatsapp.yaml`);
 * `expectedName` is the crew the file name promises.
 */
export async function readCrewFile(path: string, label: string, expectedName: CrewName): Promise<CrewDefinition> {
  const doc = parseDocument(await readFile(path, 'utf8'));
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    const where = at ? `line ${at.line}, column ${at.col}: ` : '';
    throw crewInvalid(label, [`${where}invalid YAML (${syntax.message.split('\n')[0]})`], syntax);
  }

  const data: unknown = doc.toJS();
  const parsed = crewDefinitionSchema.safeParse(data);
  if (!parsed.success) throw crewInvalid(label, parsed.error.issues.map((issue) => describeIssue(issue, data)));
  if (parsed.data.name !== expectedName) {
    throw crewInvalid(label, [`name: expected "${expectedName}" (the file name), got "${parsed.data.name}"`]);
  }
  return parsed.data;
}
