import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { toolFailure, toolSuccess } from './tool-result.js';

/**
 * One MCP tool of the project's servers: zod input and output schemas, and a `run` that returns the
 * structured result plus a short text a model can read. `C` is what the server was built with (the
 * tenant, a client), never something the model chooses.
 */
export interface McpTool<
  C,
  I extends z.ZodRawShape = z.ZodRawShape,
  O extends z.ZodRawShape = z.ZodRawShape,
> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations?: ToolAnnotations;
  run(args: z.infer<z.ZodObject<I>>, ctx: C): Promise<{ result: z.infer<z.ZodObject<O>>; text: string }>;
}

export interface RegisterToolsOptions<T> {
  /** Code of a failure that is not a CrewError (its message is not shown: it may hold internals). */
  fallbackCode: string;
  /** Annotations when the tool does not carry its own. */
  annotations?: (tool: T) => ToolAnnotations;
  /**
   * Wraps every call (write guards, audit, idempotency); `run` gives the tool's success or `isError` result,
   * `meta` is the request's `_meta` (what the caller says about the call, not what the model chose).
   */
  around?: (
    tool: T,
    args: Record<string, unknown>,
    run: () => Promise<CallToolResult>,
    meta: Record<string, unknown>,
  ) => Promise<CallToolResult>;
}

/** Told after every tool call of every server registered here (the orchestrator's metrics). */
export type ToolCallListener = (call: { tool: string; seconds: number; ok: boolean }) => void;

const toolCallListeners = new Set<ToolCallListener>();

/** Subscribes to every tool call (a seam for metrics); returns the unsubscribe function. */
export function observeToolCalls(listener: ToolCallListener): () => void {
  toolCallListeners.add(listener);
  return () => toolCallListeners.delete(listener);
}

/** Registers tools on a server the same way for every MCP server of the project. */
export function registerMcpTools<C, T extends McpTool<C>>(
  server: McpServer,
  tools: readonly T[],
  ctx: C,
  options: RegisterToolsOptions<T>,
): void {
  for (const tool of tools) {
    const call = async (args: Record<string, unknown>): Promise<CallToolResult> => {
      try {
        const { result, text } = await tool.run(args as never, ctx);
        return toolSuccess(text, result as Record<string, unknown>);
      } catch (error) {
        return toolFailure(error, options.fallbackCode);
      }
    };
    // Each call is a `tool.<name>` span (OpenTelemetry's no-op unless the process registered a tracer provider).
    const spanned = (args: Record<string, unknown>, meta: Record<string, unknown>): Promise<CallToolResult> =>
      trace
        .getTracer('mcp-crew')
        .startActiveSpan(
          `tool.${tool.name}`,
          { kind: SpanKind.INTERNAL, attributes: { 'tool.name': tool.name } },
          async (span) => {
            const started = performance.now();
            let ok = false;
            try {
              const result = await (options.around
                ? options.around(tool, args, () => call(args), meta)
                : call(args));
              ok = !result.isError;
              if (!ok) span.setStatus({ code: SpanStatusCode.ERROR, message: 'tool returned an error' });
              return result;
            } finally {
              span.end();
              const seconds = (performance.now() - started) / 1000;
              for (const listener of toolCallListeners) listener({ tool: tool.name, seconds, ok });
            }
          },
        );
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: { title: tool.title, ...(tool.annotations ?? options.annotations?.(tool)) },
      },
      (args: Record<string, unknown>, extra: { _meta?: Record<string, unknown> }) =>
        spanned(args, extra._meta ?? {}),
    );
  }
}
