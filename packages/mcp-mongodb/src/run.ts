import type { DocumentStore, TenantId } from '@mcp-crew/core';
import { EmbeddedDocumentStore } from '@mcp-crew/docstore-embedded';
import { MongoDocumentStore } from '@mcp-crew/docstore-mongodb';
import {
  serveHttp,
  serveStdio,
  tokenMatches,
  parseTransportArgs,
  type McpTransportMode,
} from '@mcp-crew/mcp-kit';
import { BusinessDataService } from '@mcp-crew/tenant-store';
import { readMongoMcpEnv, type MongoMcpEnv } from './env.js';
import { buildMongoMcpServer } from './server.js';

export type MongoMcpMode = McpTransportMode;

export interface RunningMongoMcp {
  url?: string;
  close(): Promise<void>;
}

/** Parses `--stdio` or `--http PORT [--host HOST]`. */
/** Parses `--stdio` or `--http PORT [--host HOST]`. */
export function parseMongoMcpArgs(argv: string[]): MongoMcpMode {
  return parseTransportArgs(argv, 'mcp-mongodb');
}

/** The tenant whose token was presented, checked against every token in constant time. */
export function tenantForToken(
  tokens: MongoMcpEnv['tokens'],
  presented: string | undefined,
): TenantId | undefined {
  let found: TenantId | undefined;
  for (const { tenant, token } of tokens) if (tokenMatches(presented, token)) found = tenant;
  return found;
}

/**
 * Starts MCP-MongoDB from the environment over stdio (one tenant, `MCP_TENANT_ID`) or Streamable HTTP
 * (`MCP_HTTP_TOKENS`: each bearer token reads only its own tenant). Reads MongoDB when `MONGODB_URL` is
 * set, else the embedded store in `DATA_DIR`.
 */
export async function runMongoMcp(
  mode: MongoMcpMode,
  env: Record<string, string | undefined> = process.env,
): Promise<RunningMongoMcp> {
  const config = readMongoMcpEnv(env, mode.mode);
  const store: DocumentStore = config.mongoUrl
    ? await MongoDocumentStore.connect({
        url: config.mongoUrl,
        ...(config.mongoDb ? { dbName: config.mongoDb } : {}),
      })
    : EmbeddedDocumentStore.inDataDir(config.dataDir);
  const business = new BusinessDataService(store.businessData);
  const contextFor = (tenant: TenantId) => ({ tenant, business, auditLog: store.auditLog, now: Date.now });
  if (mode.mode === 'stdio') {
    const served = await serveStdio(buildMongoMcpServer(contextFor(config.tenant)));
    return { close: async () => (await served.close(), await store.close()) };
  }
  const endpoint = await serveHttp({
    realm: 'mcp-mongodb',
    port: mode.port,
    ...(mode.host ? { host: mode.host } : {}),
    authenticate: (token) => tenantForToken(config.tokens, token),
    buildServer: (tenant) => buildMongoMcpServer(contextFor(tenant)),
    onError: (error) =>
      process.stderr.write(`[mcp-mongodb] ${error instanceof Error ? error.message : String(error)}\n`),
  });
  process.stderr.write(`[mcp-mongodb] listening on ${endpoint.url} (${store.id} store)\n`);
  return { url: endpoint.url, close: async () => (await endpoint.close(), await store.close()) };
}
