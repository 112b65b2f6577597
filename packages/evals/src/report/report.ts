import { EVAL_CATEGORIES, type EvalCategory } from '../scenario/schema.js';
import type { ScenarioRun } from '../run/run-scenario.js';

export interface CategoryFigures {
  category: EvalCategory;
  scenarios: number;
  /** Runs that passed / runs (the mean success rate, pass^1). */
  passRate: number;
  /** Scenarios whose k runs all passed / scenarios. */
  passK: number;
}

/** The figures `crew eval` prints and writes with `--json`. */
export interface EvalReport {
  target: string;
  k: number;
  scenarios: number;
  runs: number;
  passRate: number;
  passK: number;
  threshold: number;
  /** pass^k reached the threshold. */
  ok: boolean;
  medianMs: number;
  byCategory: CategoryFigures[];
  failures: Array<Pick<ScenarioRun, 'id' | 'category' | 'channel' | 'file' | 'run' | 'problems' | 'turns'>>;
}

function figures(runs: ScenarioRun[]): { scenarios: number; passRate: number; passK: number } {
  const byScenario = new Map<string, boolean>();
  for (const r of runs) byScenario.set(r.id, (byScenario.get(r.id) ?? true) && r.passed);
  const scenarios = byScenario.size;
  return {
    scenarios,
    passRate: runs.length ? runs.filter((r) => r.passed).length / runs.length : 0,
    passK: scenarios ? [...byScenario.values()].filter(Boolean).length / scenarios : 0,
  };
}

/** Aggregates runs into pass rates overall and per category; the gate is pass^k against the threshold. */
export function buildReport(
  runs: ScenarioRun[],
  options: { target: string; k: number; threshold: number },
): EvalReport {
  const overall = figures(runs);
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const byCategory = EVAL_CATEGORIES.flatMap((category) => {
    const mine = runs.filter((r) => r.category === category);
    return mine.length ? [{ category, ...figures(mine) }] : [];
  });
  return {
    target: options.target,
    k: options.k,
    scenarios: overall.scenarios,
    runs: runs.length,
    passRate: overall.passRate,
    passK: overall.passK,
    threshold: options.threshold,
    ok: overall.scenarios > 0 && overall.passK >= options.threshold,
    medianMs: times.length ? times[Math.floor(times.length / 2)]! : 0,
    byCategory,
    failures: runs
      .filter((r) => !r.passed)
      .map(({ id, category, channel, file, run, problems, turns }) => ({
        id,
        category,
        channel,
        file,
        run,
        problems,
        turns,
      })),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The human-readable report: failures first (what was said, what came back, what was wrong), then the table. */
export function formatReport(
  report: EvalReport,
  options: { verbose?: boolean; failures?: boolean } = {},
): string {
  const out: string[] = [];
  for (const f of options.failures === false ? [] : report.failures) {
    out.push(`FAIL ${f.id} [${f.category} · ${f.channel}] ${f.file}${report.k > 1 ? ` (run ${f.run})` : ''}`);
    for (const p of f.problems) out.push(`  - ${p}`);
    if (options.verbose) {
      for (const t of f.turns) {
        out.push(`    > ${t.say}`);
        for (const r of t.replies) out.push(`    < ${r.replace(/\n/g, '\n      ')}`);
        if (t.handoff) out.push('    (handed to a person)');
        for (const n of t.notes ?? []) out.push(`    (note: ${n.replace(/\n/g, ' ')})`);
      }
    }
  }
  if (report.failures.length && options.failures !== false) out.push('');
  out.push(`crew eval: ${report.target}`);
  const header = `${'category'.padEnd(18)} ${'scenarios'.padStart(9)} ${'pass'.padStart(7)} ${`pass^${report.k}`.padStart(7)}`;
  out.push(header, '-'.repeat(header.length));
  for (const c of report.byCategory)
    out.push(
      `${c.category.padEnd(18)} ${String(c.scenarios).padStart(9)} ${pct(c.passRate).padStart(7)} ${pct(c.passK).padStart(7)}`,
    );
  out.push('-'.repeat(header.length));
  out.push(
    `${'all'.padEnd(18)} ${String(report.scenarios).padStart(9)} ${pct(report.passRate).padStart(7)} ${pct(report.passK).padStart(7)}`,
  );
  out.push(
    `median ${report.medianMs} ms per conversation; threshold ${pct(report.threshold)} on pass^${report.k}: ${report.ok ? 'PASSED' : 'NOT MET'}`,
  );
  return out.join('\n');
}
