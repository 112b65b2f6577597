import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

/**
 * Serves an MCP server on this process's stdin/stdout (a desktop MCP client spawns it). Stdout belongs to
 * the protocol from here on: logs must go to stderr.
 */
export async function serveStdio(server: McpServer): Promise<{ close(): Promise<void> }> {
  routeConsoleToStderr();
  const transport = new StdioServerTransport();
  await server.connect(transport);
  return { close: () => server.close() };
}

/**
 * A library that prints with console.log/info/debug would corrupt the JSON-RPC stream a desktop client reads
 * on stdout; from here on those go to stderr (console.warn/error already do).
 */
export function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
}
