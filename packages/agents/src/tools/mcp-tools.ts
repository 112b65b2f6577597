import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createTool } from '@mastra/core/tools';
import { idempotencyMeta } from '@mcp-crew/mcp-kit';
import { nextEffectKey } from '@mcp-crew/reliability';
import { z } from 'zod';
import { turnValues } from '../turn/turn-context.js';
import type { ToolCallRecord, ToolReply } from './tool-call-record.js';
import type { ToolGate } from './tool-gate.js';
import { modelSchema } from './model-schema.js';

/** A tool an MCP server offers, with the client that reaches it (in-process, stdio or HTTP alike). */
export interface McpToolSource {
  client: Client;
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  /** The server marks it read-only: calls carry no idempotency key. */
  readOnly?: boolean;
}

/** Lists a server's tools once, keeping those in the allowlist (absent allowlist = all). */
export async function listMcpTools(client: Client, allow?: ReadonlySet<string>): Promise<McpToolSource[]> {
  const { tools } = await client.listTools();
  return tools
    .filter((t) => !allow || allow.has(t.name))
    .map((t) => ({
      client,
      name: t.name,
      description: t.description ?? t.name,
      inputSchema: t.inputSchema as Record<string, unknown>,
      readOnly: t.annotations?.readOnlyHint === true,
    }));
}

/**
 * Mastra tools that call MCP tools: the schema is the server's, the logic stays on the server. Built once
 * per tenant; every call passes the turn's gate (from the request context) before and after, and lands in
 * the turn's records.
 */
export function toMastraTools(sources: McpToolSource[]) {
  const tools: Record<string, ReturnType<typeof createTool>> = {};
  for (const source of sources) {
    tools[source.name] = createTool({
      id: source.name,
      description: source.description,
      inputSchema: inputSchemaOf(source.inputSchema),
      // Not strict: Mastra's OpenAI compatibility layer (for strict structured outputs) would rewrite the
      // schema, every optional field a required nullable one and every bound a line of description, and
      // double a tool's tokens on every call. The arguments are validated against the schema either way.
      strict: false,
      execute: async (input: unknown, { requestContext }): Promise<ToolReply> => {
        const { guard, records } = turnValues(requestContext);
        return runGated(source, asRecord(input), guard, records);
      },
    }) as ReturnType<typeof createTool>;
  }
  return tools;
}

async function runGated(
  source: McpToolSource,
  input: Record<string, unknown>,
  gate: ToolGate,
  records: ToolCallRecord[],
): Promise<ToolReply> {
  const before = gate.before(source.name, input);
  if ('refuse' in before) {
    records.push({ tool: source.name, input, ok: false, text: before.refuse, refused: before.refuse });
    return { error: `REFUSED: ${before.refuse}` };
  }
  let outcome: CallToolResult;
  try {
    // A write carries a key derived from the turn and the step: a retried turn gets the recorded result.
    const _meta = source.readOnly ? {} : idempotencyMeta(nextEffectKey(source.name));
    outcome = (await source.client.callTool({
      name: source.name,
      arguments: before.run,
      _meta,
    })) as CallToolResult;
  } catch (error) {
    const text = `TOOL_UNAVAILABLE: ${error instanceof Error ? error.message : 'the tool could not be reached'}`;
    records.push({ tool: source.name, input: before.run, ok: false, text });
    return { error: text };
  }
  const text = outcome.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
  if (outcome.isError) {
    records.push({ tool: source.name, input: before.run, ok: false, text });
    return { error: text };
  }
  const after = gate.after(source.name, before.run, { text, result: outcome.structuredContent });
  if ('refuse' in after) {
    records.push({
      tool: source.name,
      input: before.run,
      ok: false,
      text: after.refuse,
      refused: after.refuse,
    });
    return { error: `REFUSED: ${after.refuse}` };
  }
  records.push({
    tool: source.name,
    input: before.run,
    ok: true,
    text: after.pass.text,
    result: after.pass.result,
  });
  return after.toModel ?? after.pass;
}

/**
 * The tool's input schema as a Standard Schema: zod validates the model's arguments against the server's
 * schema as listed, and the model is shown that schema less what only a validator reads (`modelSchema`),
 * built once. Mastra asks for that JSON Schema on every call; handing it a ready one saves converting zod
 * back to JSON Schema per tool and turn (the largest cost of a turn).
 */
function inputSchemaOf(json: Record<string, unknown>) {
  const zod = toZod(json);
  const shown = modelSchema(json);
  return {
    '~standard': {
      version: 1 as const,
      vendor: 'mcp-crew',
      validate: (value: unknown) => zod['~standard'].validate(value),
      jsonSchema: { input: () => shown, output: () => shown },
    },
  };
}

function toZod(schema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema zod cannot read still works: the server validates the arguments itself.
    return z.record(z.string(), z.unknown());
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
