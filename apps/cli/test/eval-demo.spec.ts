import { describe, expect, it } from '@jest/globals';
import { evalFolder } from './eval-support.js';

/**
 * The demo tenant's scenario set (evals/demo) on the offline engine and the Odoo sandbox: deterministic, so it
 * gates `npm test`. The floor is the measured pass rate; it only goes up as the crew improves (issue target 95%).
 */
const FLOOR = 0.97;
/**
 * evals/demo-fresh: conversations written apart from evals/demo, to catch an engine tuned to the demo set's
 * own phrasings. Gated at the bar for an outside set (95%), not at its measured rate.
 */
const FRESH_FLOOR = 0.95;

describe('crew eval: demo tenant scenarios (offline engine, sandbox reset per scenario)', () => {
  it(`passes at least ${FLOOR * 100}% of the scenarios`, async () => {
    const report = await evalFolder('evals/demo');
    expect(report.scenarios).toBeGreaterThanOrEqual(150);
    expect(report.passK).toBeGreaterThanOrEqual(FLOOR);
  }, 240_000);
});

describe('crew eval: fresh scenarios written apart from the demo set (offline engine, sandbox)', () => {
  it(`passes at least ${FRESH_FLOOR * 100}% of the scenarios`, async () => {
    const report = await evalFolder('evals/demo-fresh');
    expect(report.scenarios).toBeGreaterThanOrEqual(40);
    expect(report.passK).toBeGreaterThanOrEqual(FRESH_FLOOR);
  }, 240_000);
});
