import { Mastra } from '@mastra/core/mastra';
import { PinoMastraLogger, type StructuredLogger } from './mastra-logger.js';

/**
 * The one Mastra instance of a process: it owns the specialists' agents (registered as they are built) and
 * the selector's, and logs through the project's logger. Without a logger Mastra stays silent (tests,
 * tools); errors still reach the caller as results and handoffs.
 */
export function createCrewMastra(logger?: StructuredLogger): Mastra {
  return new Mastra({ logger: logger ? new PinoMastraLogger(logger) : false });
}
