import { describe, expect, it } from '@jest/globals';
import { evalFolder } from './eval-support.js';

/**
 * The model path's guards end to end (evals/model-path): each scenario's scripted model answers from the
 * loopback OpenAI-compatible stand-in, through Mastra's tool loop, the conversation guard and the figures
 * check, on a sandbox reset per scenario. Deterministic, and every scenario exercises a guard (a quotation,
 * a confirmation accepted or refused, invented figures, back-office links, other customers' orders,
 * injection), so all must pass.
 */
describe('crew eval: model path scenarios (scripted model stand-in, sandbox reset per scenario)', () => {
  it('passes every scenario', async () => {
    const report = await evalFolder('evals/model-path');
    expect(report.scenarios).toBeGreaterThanOrEqual(8);
    expect(report.target).toContain('scripted model stand-in at http://127.0.0.1:');
    expect(report.failures).toEqual([]);
    expect(report.passK).toBe(1);
  }, 120_000);
});
