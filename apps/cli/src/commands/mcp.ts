import type { Command } from 'commander';

interface TransportOptions {
  stdio?: boolean;
  http?: string;
}

/** HTTP mode binds HOST when set (0.0.0.0 in a container), else loopback. */
async function transport(
  opts: TransportOptions,
): Promise<{ mode: 'stdio' } | { mode: 'http'; port: number; host?: string }> {
  if (opts.stdio && opts.http) throw new Error('choose one of --stdio or --http PORT');
  if (opts.http) {
    const port = Number(opts.http);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`--http expects a port number, got "${opts.http}"`);
    // Only HOST is read: an MCP server must not fail on a main-job setting it never uses.
    const { parseEnv, settingsCatalog } = await import('@mcp-crew/config');
    const { HOST } = parseEnv({ HOST: settingsCatalog.HOST }, process.env, 'invalid environment');
    return { mode: 'http', port, host: HOST };
  }
  return { mode: 'stdio' };
}

export function registerMcp(program: Command): void {
  const mcp = program
    .command('mcp')
    .description('Serve one of the MCP servers (stdio for desktop clients, Streamable HTTP for clusters).');
  mcp
    .command('chatwoot')
    .description(
      'MCP-Chatwoot for one account: CHATWOOT_URL, CHATWOOT_BOT_TOKEN, CHATWOOT_ACCOUNT_ID (HTTP: MCP_HTTP_TOKEN).',
    )
    .option('--stdio', 'serve over stdio (default)')
    .option('--http <port>', 'serve over Streamable HTTP with a bearer token')
    .action(async (opts: TransportOptions) => {
      const { runChatwootMcp } = await import('@mcp-crew/mcp-chatwoot');
      await runChatwootMcp(await transport(opts));
    });
  mcp
    .command('odoo')
    .description(
      'MCP-Odoo for one Odoo: ODOO_URL, ODOO_DB, ODOO_USER, ODOO_API_KEY; writes only with ODOO_ALLOW_WRITES=true (HTTP: MCP_HTTP_TOKEN).',
    )
    .option('--stdio', 'serve over stdio (default)')
    .option('--http <port>', 'serve over Streamable HTTP with a bearer token')
    .action(async (opts: TransportOptions) => {
      const { runOdooMcp } = await import('@mcp-crew/mcp-odoo');
      await runOdooMcp(await transport(opts));
    });
  mcp
    .command('mongodb')
    .description(
      'MCP-MongoDB: a tenant\'s business data and interaction record (MONGODB_URL, else the embedded store in DATA_DIR; stdio: MCP_TENANT_ID; HTTP: MCP_HTTP_TOKENS="tenant:token,...").',
    )
    .option('--stdio', 'serve over stdio (default)')
    .option('--http <port>', 'serve over Streamable HTTP with a bearer token per tenant')
    .action(async (opts: TransportOptions) => {
      const { runMongoMcp } = await import('@mcp-crew/mcp-mongodb');
      await runMongoMcp(await transport(opts));
    });
}
