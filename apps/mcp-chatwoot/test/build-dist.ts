import { REPO_ROOT, ensureBuilt } from '@mcp-crew/testing';

/** The workspaces the app loads at run time (their `dist/`, through the packages' default export). */
const NEEDED = [
  'packages/core',
  'packages/chatwoot-client',
  'packages/mcp-kit',
  'packages/mcp-chatwoot',
  'apps/mcp-chatwoot',
];

/** Makes sure the spawned app runs the current code; returns its main.js. */
export async function buildAppDist(): Promise<string> {
  await ensureBuilt(NEEDED);
  return `${REPO_ROOT}apps/mcp-chatwoot/dist/main.js`;
}
