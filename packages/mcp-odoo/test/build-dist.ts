import { REPO_ROOT, ensureBuilt } from '@mcp-crew/testing';

/** `crew` loads the orchestrator, and with it most packages: every workspace must be built. Returns the CLI's main.js. */
export async function buildCliDist(): Promise<string> {
  await ensureBuilt();
  return `${REPO_ROOT}apps/cli/dist/main.js`;
}
