import { parseChatwootMcpArgs, runChatwootMcp } from '@mcp-crew/mcp-chatwoot';

runChatwootMcp(parseChatwootMcpArgs(process.argv.slice(2))).catch((error: unknown) => {
  process.stderr.write(`mcp-chatwoot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
