import { Mastra } from '@mastra/core/mastra';
import { InMemoryStore } from '@mastra/core/storage';
import { PinoMastraLogger, type StructuredLogger } from './mastra-logger.js';

/**
 * The one Mastra instance of a process: it owns the specialists' agents (registered as they are built) and
 * the selector's, and logs through the project's logger. Without a logger Mastra stays silent (tests,
 * tools); errors still reach the caller as results and handoffs.
 */
export function createCrewMastra(logger?: StructuredLogger): Mastra {
  return new Mastra({
    logger: logger ? new PinoMastraLogger(logger) : false,
    // Named, not defaulted: Mastra keeps nothing here that must survive a restart (conversation state, memory
    // and records live in the project's own stores; its agent loops persist only suspended runs, which the
    // crew never suspends), so its in-memory store is the right one and its startup warning would mislead.
    storage: new InMemoryStore(),
  });
}
