/** The private note's account of a turn that ran out of time: what it was doing, and what failed. */
export function deadlineNote(what: {
  activity: readonly string[];
  failures: readonly string[];
  deadlineMs: number;
}): string {
  const seconds = Math.round(what.deadlineMs / 1000);
  const doing =
    what.activity.length > 0
      ? what.activity
          .slice(-5)
          .map((a) => `- ${a}`)
          .join('\n')
      : '- (nothing had started yet)';
  const failed =
    what.failures.length > 0
      ? what.failures
          .slice(-5)
          .map((f) => `- ${f}`)
          .join('\n')
      : '- nothing failed outright: the calls were still running (too slow)';
  return `MCP-Crew could not answer within ${seconds} s and stopped this turn (an Odoo change already sent may still complete; it is recorded and will not be repeated).\nLast steps:\n${doing}\nWhat failed:\n${failed}`;
}
