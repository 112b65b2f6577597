import { foldText } from '@mcp-crew/core';
import type { LoadedScenario } from '../scenario/schema.js';
import { runScenario, type ScenarioRun } from './run-scenario.js';
import type { EvalTarget } from './target.js';

export interface SuiteOptions {
  /** Runs per scenario (pass^k counts a scenario only when all k pass). Default 1. */
  k?: number;
  /** Only scenarios whose id, title, category, channel or tags contain this text. */
  filter?: string;
  /** Called after each run (progress output). */
  onRun?: (run: ScenarioRun, done: number, total: number) => void;
}

/** Whether a scenario matches a `--filter` text (accent- and case-insensitive). */
export function matchesFilter(scenario: LoadedScenario, filter: string | undefined): boolean {
  if (!filter) return true;
  const haystack = foldText(
    [scenario.id, scenario.title, scenario.category, scenario.channel, ...scenario.tags].join(' '),
  );
  return haystack.includes(foldText(filter));
}

/** Runs every selected scenario k times, one after the other (each run starts from its own ERP mark or reset). */
export async function runSuite(
  target: EvalTarget,
  scenarios: LoadedScenario[],
  options: SuiteOptions = {},
): Promise<ScenarioRun[]> {
  const k = Math.max(1, options.k ?? 1);
  const selected = scenarios.filter((s) => matchesFilter(s, options.filter));
  const runs: ScenarioRun[] = [];
  const total = selected.length * k;
  for (const scenario of selected) {
    for (let run = 1; run <= k; run++) {
      const result = await runScenario(target, scenario, run);
      runs.push(result);
      options.onRun?.(result, runs.length, total);
    }
  }
  return runs;
}
