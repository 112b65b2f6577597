import { CrewError, Secret, TENANT_ID_PATTERN, tenantId, type TenantId } from '@mcp-crew/core';
import { z } from 'zod';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

/** The environment MCP-MongoDB reads, with what each variable means. */
const schema = z.object({
  MONGODB_URL: optionalText.describe('MongoDB URL; without it the embedded store in DATA_DIR is used'),
  MONGODB_DB: optionalText.describe('Database name (default: the one in MONGODB_URL)'),
  DATA_DIR: optionalText.describe('Folder of the embedded store (default ./.data)'),
  MCP_TENANT_ID: optionalText
    .pipe(z.string().regex(TENANT_ID_PATTERN).optional())
    .describe('The tenant served over stdio (default "demo")'),
  MCP_HTTP_TOKENS: optionalText.describe('Over HTTP: comma-separated tenant:token pairs; each token reads only its tenant'),
});

export interface MongoMcpEnv {
  mongoUrl?: string;
  mongoDb?: string;
  dataDir: string;
  tenant: TenantId;
  /** Token → tenant, for HTTP. */
  tokens: Array<{ tenant: TenantId; token: Secret }>;
}

/** Validates the environment; errors name the variable and never echo a token. */
export function readMongoMcpEnv(env: Record<string, string | undefined>, mode: 'stdio' | 'http'): MongoMcpEnv {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const tokens: MongoMcpEnv['tokens'] = [];
  for (const [i, pair] of (parsed.data?.MCP_HTTP_TOKENS ?? '').split(',').filter((p) => p.trim()).entries()) {
    const at = pair.indexOf(':');
    const tenant = pair.slice(0, at).trim();
    const token = pair.slice(at + 1).trim();
    if (at < 1 || !TENANT_ID_PATTERN.test(tenant) || token.length < 16)
      problems.push(`MCP_HTTP_TOKENS[${i}]: expected tenant:token with a token of at least 16 characters`);
    else tokens.push({ tenant: tenantId(tenant), token: new Secret(token) });
  }
  if (mode === 'http' && tokens.length === 0 && problems.length === 0)
    problems.push('MCP_HTTP_TOKENS: required to serve over HTTP');
  if (!parsed.success || problems.length > 0)
    throw new CrewError('CONFIG_INVALID', `MCP-MongoDB configuration is invalid: ${problems.join('; ')}`, {
      domain: 'config',
      category: 'user',
      details: { problems },
    });
  const data = parsed.data;
  return {
    ...(data.MONGODB_URL ? { mongoUrl: data.MONGODB_URL } : {}),
    ...(data.MONGODB_DB ? { mongoDb: data.MONGODB_DB } : {}),
    dataDir: data.DATA_DIR ?? './.data',
    tenant: tenantId(data.MCP_TENANT_ID ?? 'demo'),
    tokens,
  };
}
