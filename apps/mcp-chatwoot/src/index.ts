// The app is its entry point (src/main.ts); the library it runs is @mcp-crew/mcp-chatwoot.
export { parseChatwootMcpArgs, runChatwootMcp } from '@mcp-crew/mcp-chatwoot';
