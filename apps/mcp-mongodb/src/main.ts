import { parseMongoMcpArgs, runMongoMcp } from '@mcp-crew/mcp-mongodb';

runMongoMcp(parseMongoMcpArgs(process.argv.slice(2))).catch((error: unknown) => {
  process.stderr.write(`mcp-mongodb: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
