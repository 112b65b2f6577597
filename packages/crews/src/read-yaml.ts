import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { crewInvalid } from './crew-invalid.js';

/** A YAML file's data; a syntax error is `CREW_INVALID` with the line and column. */
export async function readYaml(path: string, label: string): Promise<unknown> {
  const doc = parseDocument(await readFile(path, 'utf8'));
  const syntax = doc.errors[0];
  if (syntax) {
    const at = syntax.linePos?.[0];
    const where = at ? `line ${at.line}, column ${at.col}: ` : '';
    throw crewInvalid(label, [`${where}invalid YAML (${syntax.message.split('\n')[0]})`], syntax);
  }
  return doc.toJS();
}
