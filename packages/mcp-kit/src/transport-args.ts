import { parseArgs } from 'node:util';
import { CrewError } from '@mcp-crew/core';

/** How an MCP server is served: stdio for desktop clients, Streamable HTTP for a cluster. */
export type McpTransportMode = { mode: 'stdio' } | { mode: 'http'; port: number; host?: string };

/** Parses `--stdio` or `--http PORT [--host HOST]`, the arguments every MCP server entry point takes. */
export function parseTransportArgs(argv: string[], program: string): McpTransportMode {
  const usage = (message: string) =>
    new CrewError('CLI_USAGE', `${message} (usage: ${program} [--stdio | --http PORT [--host HOST]])`, {
      domain: 'config',
      category: 'user',
    });
  const { values } = parseArgs({
    args: argv,
    options: { stdio: { type: 'boolean' }, http: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  if (values.stdio && values.http !== undefined) throw usage('choose one of --stdio and --http PORT');
  if (values.http === undefined) return { mode: 'stdio' };
  const port = Number(values.http);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw usage(`--http needs a port number, got "${values.http}"`);
  return { mode: 'http', port, ...(values.host ? { host: values.host } : {}) };
}
