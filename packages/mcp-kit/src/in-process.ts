import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

/**
 * Connects an MCP client to a server in the same process (one machine, no sockets). Closing the client
 * closes the linked server transport too.
 */
export async function connectInProcess(
  server: McpServer,
  clientInfo = { name: 'mcp-crew', version: '0.1.0' },
): Promise<Client> {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  const client = new Client(clientInfo);
  await client.connect(clientTransport);
  return client;
}
