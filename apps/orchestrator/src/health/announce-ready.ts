import type { Logger } from 'pino';
import type { DependencyChecks, DependencyState } from './dependency-checks.js';

/**
 * Logs "MCP-Crew is ready" only once every dependency is up; until then one warning per change of what is
 * down (with each reason: "redis: connect ECONNREFUSED"), re-checked every `intervalMs`. Returns a stop function.
 */
export function announceWhenReady(
  health: DependencyChecks,
  logger: Logger,
  banner: object,
  intervalMs = 1000,
): () => void {
  let stopped = false;
  let lastDown = '';
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    const states = await health.check();
    if (stopped) return;
    const down = Object.entries(states).filter((e): e is [string, DependencyState] => e[1].status === 'down');
    if (down.length === 0) {
      logger.info({ ...banner, dependencies: states }, 'MCP-Crew is ready');
      return;
    }
    const summary = down.map(([name, s]) => `${name}: ${s.reason ?? 'down'}`).join('; ');
    if (summary !== lastDown) {
      lastDown = summary;
      logger.warn(
        { dependencies: states },
        `MCP-Crew is not ready (${summary}); webhooks are refused with 500 and /health answers 503 until it is`,
      );
    }
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };
  void tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
