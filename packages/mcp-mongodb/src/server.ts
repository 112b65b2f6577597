import { registerMcpTools } from '@mcp-crew/mcp-kit';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { getDataset, listDatasets } from './tools/datasets.js';
import { getDeliveryZones } from './tools/delivery-zones.js';
import { searchFaq } from './tools/faq.js';
import { recentInteractionsForContact } from './tools/interactions.js';
import { getOpeningHours } from './tools/opening-hours.js';
import { getPaymentMethods } from './tools/payment-methods.js';
import { READ_ONLY, type MongoTool, type MongoToolContext } from './tools/tool.js';

/** Every MCP-MongoDB tool, in the order a client lists them. */
export const MONGO_TOOLS: readonly MongoTool[] = [
  getOpeningHours,
  getDeliveryZones,
  getPaymentMethods,
  searchFaq,
  listDatasets,
  getDataset,
  recentInteractionsForContact,
] as unknown as MongoTool[];

/**
 * Builds MCP-MongoDB for one tenant: named, read-only tools over its business data and interaction record.
 * The tenant is fixed here (in-process: by the caller; HTTP: by the bearer token), never by the model.
 */
export function buildMongoMcpServer(ctx: MongoToolContext): McpServer {
  const server = new McpServer({ name: 'mcp-mongodb', version: '0.1.0' });
  registerMcpTools(server, MONGO_TOOLS, ctx, {
    fallbackCode: 'MONGO_TOOL_FAILED',
    annotations: () => READ_ONLY,
  });
  return server;
}
