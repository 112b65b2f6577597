import { CrewError, Secret } from '@mcp-crew/core';
import { z } from 'zod';

const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.string().optional(),
);

/** The environment MCP-Chatwoot reads, with what each variable means. */
const schema = z.object({
  CHATWOOT_URL: optionalText
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .describe("Chatwoot's base URL; without it every action is printed to stderr instead (demo)"),
  CHATWOOT_BOT_TOKEN: optionalText.describe("The Agent Bot's access token (required with CHATWOOT_URL)"),
  CHATWOOT_ACCOUNT_ID: z.coerce.number().int().positive().describe('The Chatwoot account the tools act in'),
  MCP_HTTP_TOKEN: optionalText
    .pipe(z.string().min(16, 'use at least 16 characters').optional())
    .describe('Bearer token clients must send over HTTP (required with --http)'),
  MCP_TENANT_ID: optionalText.describe('Tenant name shown in console lines (default "demo")'),
});

export interface ChatwootMcpEnv {
  chatwootUrl?: string;
  botToken?: Secret;
  accountId: number;
  httpToken?: Secret;
  tenantId: string;
}

/**
 * Validates the environment; the error names every variable that is missing or wrong and never echoes a
 * token's value.
 */
export function readChatwootMcpEnv(
  env: Record<string, string | undefined>,
  mode: 'stdio' | 'http',
): ChatwootMcpEnv {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const data = parsed.success ? parsed.data : undefined;
  if (data?.CHATWOOT_URL && !data.CHATWOOT_BOT_TOKEN)
    problems.push('CHATWOOT_BOT_TOKEN: required when CHATWOOT_URL is set');
  if (data && mode === 'http' && !data.MCP_HTTP_TOKEN)
    problems.push('MCP_HTTP_TOKEN: required to serve over HTTP');
  if (!data || problems.length > 0) {
    throw new CrewError('CONFIG_INVALID', `MCP-Chatwoot configuration is invalid: ${problems.join('; ')}`, {
      domain: 'config',
      category: 'user',
      details: { problems },
    });
  }
  return {
    accountId: data.CHATWOOT_ACCOUNT_ID,
    tenantId: data.MCP_TENANT_ID ?? 'demo',
    ...(data.CHATWOOT_URL ? { chatwootUrl: data.CHATWOOT_URL } : {}),
    ...(data.CHATWOOT_BOT_TOKEN ? { botToken: new Secret(data.CHATWOOT_BOT_TOKEN) } : {}),
    ...(data.MCP_HTTP_TOKEN ? { httpToken: new Secret(data.MCP_HTTP_TOKEN) } : {}),
  };
}
