import { parseArgs } from 'node:util';
import { CrewError } from '@mcp-crew/core';
import type { ChatwootGateway } from '@mcp-crew/core';
import { ConsoleChatwootGateway, HttpChatwootGateway } from '@mcp-crew/chatwoot-client';
import { serveHttp, serveStdio, staticBearerToken } from '@mcp-crew/mcp-kit';
import { readChatwootMcpEnv, type ChatwootMcpEnv } from './env.js';
import { buildChatwootMcpServer } from './server.js';

export type ChatwootMcpMode = { mode: 'stdio' } | { mode: 'http'; port: number; host?: string };

export interface RunningChatwootMcp {
  /** Set when serving over HTTP. */
  url?: string;
  close(): Promise<void>;
}

/** Parses `--stdio` or `--http PORT [--host HOST]` (the app's and `crew mcp chatwoot`'s arguments). */
export function parseChatwootMcpArgs(argv: string[]): ChatwootMcpMode {
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

/**
 * Starts MCP-Chatwoot from the environment (`CHATWOOT_URL`, `CHATWOOT_BOT_TOKEN`, `CHATWOOT_ACCOUNT_ID`,
 * `MCP_HTTP_TOKEN`) over stdio or Streamable HTTP. Without `CHATWOOT_URL` it acts on the console stand-in,
 * printing to stderr (stdout is the protocol on stdio).
 */
export async function runChatwootMcp(
  mode: ChatwootMcpMode,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningChatwootMcp> {
  const config = readChatwootMcpEnv(env, mode.mode);
  const gateway = gatewayFor(config);
  if (mode.mode === 'stdio')
    return serveStdio(buildChatwootMcpServer(gateway, { accountId: config.accountId }));
  // The env check guarantees the token in HTTP mode.
  const token = config.httpToken!;
  const endpoint = await serveHttp({
    port: mode.port,
    ...(mode.host ? { host: mode.host } : {}),
    authenticate: staticBearerToken(token, config),
    buildServer: () => buildChatwootMcpServer(gateway, { accountId: config.accountId }),
    onError: (error) =>
      process.stderr.write(`[mcp-chatwoot] ${error instanceof Error ? error.message : String(error)}\n`),
  });
  process.stderr.write(`[mcp-chatwoot] listening on ${endpoint.url}\n`);
  return endpoint;
}

function gatewayFor(config: ChatwootMcpEnv): ChatwootGateway {
  if (config.chatwootUrl && config.botToken)
    return new HttpChatwootGateway({ baseUrl: config.chatwootUrl, botToken: config.botToken });
  return new ConsoleChatwootGateway({
    tenantId: config.tenantId,
    write: (line) => process.stderr.write(`${line}\n`),
  });
}

function usage(message: string): CrewError {
  return new CrewError(
    'CLI_USAGE',
    `${message} (usage: mcp-chatwoot [--stdio | --http PORT [--host HOST]])`,
    { domain: 'config', category: 'user' },
  );
}
