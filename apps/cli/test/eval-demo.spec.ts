import { describe, expect, it } from '@jest/globals';
import { evalFolder } from './eval-support.js';

/**
 * The demo tenant's scenario set (evals/demo) on the offline engine and the Odoo sandbox: deterministic, so it
 * gates `npm test`. The floor is the measured pass rate; it only goes up as the crew improves (issue target 95%).
 */
const FLOOR = 0.99;
/**
 * evals/demo-fresh and evals/demo-holdout: conversations written apart from evals/demo, to catch an engine
 * tuned to the demo set's own phrasings. Gated at the bar for an outside set (95%), not at their
 * measured rate.
 */
const FRESH_FLOOR = 0.95;

describe('crew eval: demo tenant scenarios (offline engine, sandbox reset per scenario)', () => {
  it(`passes at least ${FLOOR * 100}% of the scenarios`, async () => {
    const report = await evalFolder('evals/demo');
    expect(report.scenarios).toBeGreaterThanOrEqual(150);
    expect(report.passK).toBeGreaterThanOrEqual(FLOOR);
  }, 240_000);
});

describe('crew eval: outside scenarios written apart from the demo set (offline engine, sandbox)', () => {
  it.each([
    ['evals/demo-fresh', 40],
    ['evals/demo-holdout', 100],
  ])(
    `%s passes at least ${FRESH_FLOOR * 100}% of the scenarios`,
    async (folder, atLeast) => {
      const report = await evalFolder(folder);
      expect(report.scenarios).toBeGreaterThanOrEqual(atLeast);
      expect(report.passK).toBeGreaterThanOrEqual(FRESH_FLOOR);
    },
    240_000,
  );
});
