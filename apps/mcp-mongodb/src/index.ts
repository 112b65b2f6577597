// The app is its entry point (src/main.ts); the library it runs is @mcp-crew/mcp-mongodb.
export { parseMongoMcpArgs, runMongoMcp } from '@mcp-crew/mcp-mongodb';
