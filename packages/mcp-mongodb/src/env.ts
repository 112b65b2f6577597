import { checkEnv, configError, mongoMcpCatalog } from '@mcp-crew/config';
import { Secret, TENANT_ID_PATTERN, tenantId, type TenantId } from '@mcp-crew/core';

export interface MongoMcpEnv {
  mongoUrl?: string;
  mongoDb?: string;
  dataDir: string;
  tenant: TenantId;
  /** Token → tenant, for HTTP. */
  tokens: Array<{ tenant: TenantId; token: Secret }>;
}

/** Validates the environment (catalog in @mcp-crew/config); errors name the variable and never echo a token. */
export function readMongoMcpEnv(
  env: Record<string, string | undefined>,
  mode: 'stdio' | 'http',
): MongoMcpEnv {
  const { values: data, problems } = checkEnv(mongoMcpCatalog, env);
  const tokens: MongoMcpEnv['tokens'] = [];
  for (const [i, pair] of (data?.MCP_HTTP_TOKENS ?? '')
    .split(',')
    .filter((p) => p.trim())
    .entries()) {
    const at = pair.indexOf(':');
    const tenant = pair.slice(0, at).trim();
    const token = pair.slice(at + 1).trim();
    if (at < 1 || !TENANT_ID_PATTERN.test(tenant) || token.length < 16)
      problems.push(`MCP_HTTP_TOKENS[${i}]: expected tenant:token with a token of at least 16 characters`);
    else tokens.push({ tenant: tenantId(tenant), token: new Secret(token) });
  }
  if (mode === 'http' && tokens.length === 0 && problems.length === 0)
    problems.push('MCP_HTTP_TOKENS: required to serve over HTTP');
  if (!data || problems.length > 0) throw configError('MCP-MongoDB configuration is invalid', problems);
  return {
    ...(data.MONGODB_URL ? { mongoUrl: data.MONGODB_URL } : {}),
    ...(data.MONGODB_DB ? { mongoDb: data.MONGODB_DB } : {}),
    dataDir: data.DATA_DIR,
    tenant: tenantId(data.MCP_TENANT_ID),
    tokens,
  };
}
