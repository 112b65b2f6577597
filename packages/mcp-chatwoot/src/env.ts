import { chatwootMcpCatalog, checkEnv, configError } from '@mcp-crew/config';
import type { Secret } from '@mcp-crew/core';

export interface ChatwootMcpEnv {
  chatwootUrl?: string;
  botToken?: Secret;
  accountId: number;
  httpToken?: Secret;
  tenantId: string;
}

/**
 * Validates the environment (catalog in @mcp-crew/config); the error names every variable that is missing or
 * wrong and never echoes a token's value.
 */
export function readChatwootMcpEnv(
  env: Record<string, string | undefined>,
  mode: 'stdio' | 'http',
): ChatwootMcpEnv {
  const { values: data, problems } = checkEnv(chatwootMcpCatalog, env);
  if (data?.CHATWOOT_URL && !data.CHATWOOT_BOT_TOKEN)
    problems.push('CHATWOOT_BOT_TOKEN: required when CHATWOOT_URL is set');
  if (data && mode === 'http' && !data.MCP_HTTP_TOKEN)
    problems.push('MCP_HTTP_TOKEN: required to serve over HTTP');
  if (!data || problems.length > 0) throw configError('MCP-Chatwoot configuration is invalid', problems);
  return {
    accountId: data.CHATWOOT_ACCOUNT_ID,
    tenantId: data.MCP_TENANT_ID,
    ...(data.CHATWOOT_URL ? { chatwootUrl: data.CHATWOOT_URL } : {}),
    ...(data.CHATWOOT_BOT_TOKEN ? { botToken: data.CHATWOOT_BOT_TOKEN } : {}),
    ...(data.MCP_HTTP_TOKEN ? { httpToken: data.MCP_HTTP_TOKEN } : {}),
  };
}
