import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvalReport } from '@mcp-crew/evals';
import { REPO_ROOT } from '@mcp-crew/testing';
import { openEvalTarget } from '../src/commands/eval/open-target.js';

/**
 * Runs a scenario folder the way `crew eval` does, on the repository's tenant file, crews and collections,
 * with the embedded stores in a throwaway folder. `env` adds settings (a real Odoo for the demo tenant).
 */
export async function evalFolder(folder: string, env: Record<string, string> = {}): Promise<EvalReport> {
  const { buildReport, formatReport, loadScenarios, runSuite } = await import('@mcp-crew/evals');
  const dataDir = mkdtempSync(join(tmpdir(), 'crew-eval-'));
  const scenarios = await loadScenarios(join(REPO_ROOT, folder), { root: REPO_ROOT });
  const opened = await openEvalTarget({
    tenant: 'demo',
    logLevel: 'silent',
    scripted: scenarios.some((s) => s.modelScript !== undefined),
    env: {
      TENANTS_FILE: join(REPO_ROOT, 'config/tenants.yaml'),
      CREWS_DIR: join(REPO_ROOT, 'crews'),
      COLLECTIONS_DIR: join(REPO_ROOT, 'collections'),
      DATA_DIR: dataDir,
      ...env,
    },
  });
  try {
    const runs = await runSuite(opened.target, scenarios);
    const report = buildReport(runs, { target: opened.target.description, k: 1, threshold: 0 });
    // The table is the test's output (pass rates by category); `crew eval --verbose` shows the failures.
    process.stdout.write(`\n${formatReport(report, { failures: false })}\n`);
    return report;
  } finally {
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
