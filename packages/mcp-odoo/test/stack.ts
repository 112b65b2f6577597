import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { connectInProcess } from '@mcp-crew/mcp-kit';
import { OdooClient, type OdooClientConfig } from '@mcp-crew/odoo-client';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import {
  buildOdooMcpServer,
  DEFAULT_ODOO_TOOL_SETTINGS,
  MemoryWriteAudit,
  type OdooToolSettings,
} from '../src/index.js';

export const TENANT = 'pinturas';

/** MCP-Odoo served in-process to an SDK client, acting through a real OdooClient on a sandbox over HTTP. */
export interface OdooMcpStack {
  client: Client;
  odoo: OdooClient;
  audit: MemoryWriteAudit;
  close(): Promise<void>;
}

export async function connectStack(
  sandbox: Pick<OdooSandbox, 'url' | 'db' | 'login' | 'apiKey'>,
  options: { settings?: Partial<OdooToolSettings>; client?: Partial<OdooClientConfig> } = {},
): Promise<OdooMcpStack> {
  const odoo = new OdooClient({
    url: sandbox.url,
    db: sandbox.db,
    user: sandbox.login,
    apiKey: sandbox.apiKey,
    tenant: TENANT,
    protocol: 'jsonrpc',
    ...options.client,
  });
  const audit = new MemoryWriteAudit();
  const server = buildOdooMcpServer({
    api: odoo,
    tenantId: TENANT,
    audit,
    settings: { ...DEFAULT_ODOO_TOOL_SETTINGS, allowWrites: true, baseUrl: sandbox.url, ...options.settings },
  });
  const client = await connectInProcess(server);
  return { client, odoo, audit, close: () => client.close() };
}

export interface ToolAnswer {
  isError: boolean;
  text: string;
  data: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read deep into results
}

/** Calls a tool and returns its text, structured result and error flag. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolAnswer> {
  const result = await client.callTool({ name, arguments: args });
  const content = (result.content ?? []) as Array<{ type: string; text?: string }>;
  return {
    isError: result.isError === true,
    text: content.map((c) => c.text ?? '').join('\n'),
    data: (result.structuredContent ?? {}) as Record<string, unknown>,
  };
}

/** Like `call`, but fails the test with the tool's own message when it reports an error. */
export async function ok(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<ToolAnswer> {
  const answer = await call(client, name, args);
  if (answer.isError) throw new Error(`${name} failed: ${answer.text}`);
  return answer;
}

export { startOdooSandbox, type OdooSandbox };
