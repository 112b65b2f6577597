import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';

interface EvalOptions {
  tenant: string;
  dir?: string;
  k: string;
  filter?: string;
  json?: string;
  threshold: string;
  verbose?: boolean;
}

function number(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
}

/**
 * `crew eval`: plays a tenant's scenario files against its crew and its Odoo, prints pass rates by category and
 * pass^k, and exits 1 when pass^k is below the threshold (a business tests its crew before going live).
 */
export function registerEval(program: Command): void {
  program
    .command('eval')
    .description(
      "Run a tenant's scenario files (evals/<tenant>/) against its crew and Odoo; exit 1 below the threshold.",
    )
    .option('--tenant <id>', 'tenant id', 'demo')
    .option('--dir <folder>', 'scenario folder (default: evals/<tenant>)')
    .option('--k <n>', 'runs per scenario; pass^k counts a scenario only when every run passes', '1')
    .option('--filter <text>', 'only scenarios whose id, title, category, channel or tags contain this')
    .option('--json <file>', 'also write the full report (every failure with its transcript) as JSON')
    .option('--threshold <rate>', 'minimum pass^k, 0..1', '0.95')
    .option('--verbose', 'print the transcript of every failed scenario')
    .action(async (opts: EvalOptions) => {
      process.exitCode = await runEval(opts);
    });
}

async function runEval(opts: EvalOptions): Promise<number> {
  const k = number(opts.k, '--k', 1, 100);
  const threshold = number(opts.threshold, '--threshold', 0, 1);
  const [{ loadScenarios, runSuite, buildReport, formatReport }, { openEvalTarget }] = await Promise.all([
    import('@mcp-crew/evals'),
    import('./eval/open-target.js'),
  ]);
  const dir = resolve(opts.dir ?? `evals/${opts.tenant}`);
  const scenarios = await loadScenarios(dir);
  const opened = await openEvalTarget({
    tenant: opts.tenant,
    env: process.env,
    // A set with model scripts runs on the local stand-in that follows them, never on a hosted model.
    scripted: scenarios.some((s) => s.modelScript !== undefined),
  });
  try {
    const runs = await runSuite(opened.target, scenarios, {
      k,
      ...(opts.filter ? { filter: opts.filter } : {}),
      // Progress on one terminal line; nothing when stderr is a file or a pipe.
      ...(process.stderr.isTTY
        ? {
            onRun: (run: { passed: boolean; id: string }, done: number, total: number) =>
              process.stderr.write(
                `\r${`${done}/${total} ${run.passed ? 'pass' : 'FAIL'} ${run.id}`.padEnd(79).slice(0, 79)}`,
              ),
          }
        : {}),
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (runs.length === 0) {
      process.stdout.write(`no scenario in ${dir} matches "${opts.filter ?? ''}"\n`);
      return 1;
    }
    const report = buildReport(runs, { target: opened.target.description, k, threshold });
    process.stdout.write(`${formatReport(report, { verbose: opts.verbose ?? false })}\n`);
    if (opts.json) await writeFile(resolve(opts.json), `${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await opened.close();
  }
}
