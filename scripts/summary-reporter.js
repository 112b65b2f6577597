import { writeSync } from 'node:fs';

// Prints one closing line CI can read: "tests: N passed, N failed, N skipped". Written at exit so it
// comes after Jest's own summary.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => writeSync(2, line));
  }
}
