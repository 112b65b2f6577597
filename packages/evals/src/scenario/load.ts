import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CrewError } from '@mcp-crew/core';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { scenarioFileSchema, scenarioSchema, type LoadedScenario } from './schema.js';

/** A scenario file that does not parse or does not match the schema; `details.problems` names each field. */
export class ScenarioFileError extends CrewError {
  constructor(file: string, problems: string[], separator = '; ') {
    super('EVAL_SCENARIO_INVALID', `${file}: ${separator === '\n' ? '\n' : ''}${problems.join(separator)}`, {
      domain: 'evals',
      category: 'user',
      details: { file, problems },
    });
  }
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(async (entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return yamlFiles(path);
        return /\.ya?ml$/.test(entry.name) ? [path] : [];
      }),
  );
  return nested.flat();
}

function issues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map(
    (i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)'}: ${i.message}`,
  );
}

/** Parses one file's text into its scenarios, or throws a ScenarioFileError naming the file and the fields. */
export function parseScenarioFile(text: string, file: string, suite: string): LoadedScenario[] {
  const doc = parseDocument(text);
  // The first YAML error is the one to fix; the rest usually follow from it.
  if (doc.errors[0]) throw new ScenarioFileError(file, [`YAML: ${doc.errors[0].message.split('\n')[0]}`]);
  const file_ = scenarioFileSchema.safeParse(doc.toJS());
  if (!file_.success) {
    // A union's error says little; re-parse against the single-scenario shape when the file has no `scenarios`.
    const raw = doc.toJS() as Record<string, unknown> | null;
    const single =
      raw && typeof raw === 'object' && !('scenarios' in raw) ? scenarioSchema.safeParse(raw) : undefined;
    throw new ScenarioFileError(
      file,
      single && !single.success ? issues(single.error, '') : issues(file_.error, ''),
    );
  }
  const parsed = file_.data;
  if (!('scenarios' in parsed)) return [{ ...parsed, file, suite }];
  const problems: string[] = [];
  const scenarios: LoadedScenario[] = [];
  parsed.scenarios.forEach((raw, index) => {
    const one = scenarioSchema.safeParse({ ...parsed.defaults, ...raw });
    if (one.success) scenarios.push({ ...one.data, file, suite });
    else problems.push(...issues(one.error, `scenarios.${index}`));
  });
  if (problems.length > 0) throw new ScenarioFileError(file, problems);
  return scenarios;
}

/**
 * Loads every `*.yaml` under `dir` (recursively, in name order). Ids must be unique across the set. Every
 * invalid file is reported at once, each problem naming the file and the field path.
 */
export async function loadScenarios(
  dir: string,
  options: { suite?: string; root?: string } = {},
): Promise<LoadedScenario[]> {
  const root = options.root ?? process.cwd();
  const suite = options.suite ?? relative(root, dir);
  const all: LoadedScenario[] = [];
  const problems: string[] = [];
  for (const path of await yamlFiles(dir)) {
    const file = relative(root, path);
    try {
      all.push(...parseScenarioFile(await readFile(path, 'utf8'), file, suite));
    } catch (error) {
      if (!(error instanceof ScenarioFileError)) throw error;
      problems.push(error.message);
    }
  }
  const seen = new Map<string, string>();
  for (const s of all) {
    const other = seen.get(s.id);
    if (other) problems.push(`${s.file}: id "${s.id}" is also used in ${other}`);
    seen.set(s.id, s.file);
  }
  // One model per run: a set on the scripted stand-in cannot also hold scenarios for the environment's model.
  const unscripted = all.filter((s) => !s.modelScript);
  if (unscripted.length > 0 && unscripted.length < all.length)
    problems.push(
      `${unscripted[0]!.file}: "${unscripted[0]!.id}" has no modelScript, but other scenarios of the set have one (all or none)`,
    );
  if (problems.length > 0) throw new ScenarioFileError(relative(root, dir) || '.', problems, '\n');
  return all;
}
