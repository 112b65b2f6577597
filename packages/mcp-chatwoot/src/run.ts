import type { ChatwootGateway } from '@mcp-crew/core';
import { ConsoleChatwootGateway, HttpChatwootGateway } from '@mcp-crew/chatwoot-client';
import {
  serveHttp,
  serveStdio,
  staticBearerToken,
  parseTransportArgs,
  type McpTransportMode,
} from '@mcp-crew/mcp-kit';
import { readChatwootMcpEnv, type ChatwootMcpEnv } from './env.js';
import { buildChatwootMcpServer } from './server.js';

export type ChatwootMcpMode = McpTransportMode;

export interface RunningChatwootMcp {
  /** Set when serving over HTTP. */
  url?: string;
  close(): Promise<void>;
}

/** Parses `--stdio` or `--http PORT [--host HOST]` (the app's and `crew mcp chatwoot`'s arguments). */
/** Parses `--stdio` or `--http PORT [--host HOST]`. */
export function parseChatwootMcpArgs(argv: string[]): ChatwootMcpMode {
  return parseTransportArgs(argv, 'mcp-chatwoot');
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
    realm: 'mcp-chatwoot',
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
