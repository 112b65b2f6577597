import { describe, expect, it } from '@jest/globals';
import type { ScenarioRun } from '../run/run-scenario.js';
import { buildReport, formatReport } from './report.js';

const run = (id: string, category: ScenarioRun['category'], n: number, passed: boolean): ScenarioRun => ({
  id,
  category,
  channel: 'whatsapp',
  file: 'f.yaml',
  run: n,
  passed,
  problems: passed ? [] : ['turn 1: missing "x"'],
  turns: [{ say: 'hola', replies: ['¡Hola!'], handoff: false, notes: [], problems: [] }],
  ms: 10 * n,
});

describe('eval report', () => {
  it('gives pass^1 as the share of runs and pass^k as the share of scenarios whose k runs all passed', () => {
    const runs = [
      run('a', 'quotation', 1, true),
      run('a', 'quotation', 2, true),
      run('b', 'quotation', 1, true),
      run('b', 'quotation', 2, false),
      run('c', 'knowledge', 1, true),
      run('c', 'knowledge', 2, true),
    ];
    const report = buildReport(runs, { target: 't', k: 2, threshold: 0.6 });
    expect(report).toMatchObject({ scenarios: 3, runs: 6, passRate: 5 / 6, passK: 2 / 3, ok: true });
    expect(report.byCategory).toEqual([
      { category: 'quotation', scenarios: 2, passRate: 0.75, passK: 0.5 },
      { category: 'knowledge', scenarios: 1, passRate: 1, passK: 1 },
    ]);
    expect(report.failures.map((f) => [f.id, f.run])).toEqual([['b', 2]]);
  });

  it('fails the gate below the threshold and with no scenario at all', () => {
    expect(buildReport([run('a', 'support', 1, false)], { target: 't', k: 1, threshold: 0.5 }).ok).toBe(
      false,
    );
    expect(buildReport([], { target: 't', k: 1, threshold: 0 }).ok).toBe(false);
  });

  it('prints each failure with its problems, then the table', () => {
    const text = formatReport(
      buildReport([run('a', 'support', 1, false), run('b', 'support', 1, true)], {
        target: 'tenant demo',
        k: 1,
        threshold: 0.95,
      }),
      { verbose: true },
    );
    expect(text).toContain('FAIL a [support · whatsapp] f.yaml');
    expect(text).toContain('  - turn 1: missing "x"');
    expect(text).toContain('    > hola');
    expect(text).toMatch(/support\s+2\s+50\.0%\s+50\.0%/);
    expect(text).toContain('threshold 95.0% on pass^1: NOT MET');
  });
});
