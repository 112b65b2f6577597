import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import {
  COLLECTION_KINDS,
  type Embedder,
  type Language,
  type TenantId,
  type VectorStore,
} from '@mcp-crew/core';
import { toolFailure, toolSuccess } from '@mcp-crew/mcp-kit';
import { searchKnowledge, type KnowledgeHit } from './search-knowledge.js';

/** Input of the `search_knowledge` tool. The tenant is not an input: it is fixed when the tool is built. */
export const searchKnowledgeInput = {
  collection: z.enum(COLLECTION_KINDS),
  query: z.string().min(1).max(500).describe("the customer's words"),
  topK: z.number().int().min(1).max(20).default(5),
  language: z
    .enum(['es', 'pt', 'en'])
    .optional()
    .describe("the customer's: its translations are searched, else the collection's own language"),
  filter: z
    .object({
      source: z.string().optional(),
      defaultCode: z.string().optional().describe('Odoo internal reference of a product'),
      odooProductId: z.number().int().optional(),
    })
    .optional(),
};

const hitSchema = z.object({
  text: z.string(),
  score: z.number(),
  source: z.string(),
  title: z.string().optional(),
  language: z.enum(['es', 'pt', 'en']).optional(),
  odooProductId: z.number().optional(),
  defaultCode: z.string().optional(),
});
export const searchKnowledgeOutput = { results: z.array(hitSchema) };

/** The arguments of `search_knowledge`, inferred from its input schema. */
export type SearchKnowledgeInput = z.input<z.ZodObject<typeof searchKnowledgeInput>>;
/** The structured result of `search_knowledge`, inferred from its output schema. */
export type SearchKnowledgeOutput = z.infer<z.ZodObject<typeof searchKnowledgeOutput>>;

export interface KnowledgeToolContext {
  tenantId: TenantId;
  store: VectorStore;
  embedder: Embedder;
}

type SearchInput = {
  collection: (typeof COLLECTION_KINDS)[number];
  query: string;
  topK?: number;
  language?: Language;
  filter?: { source?: string; defaultCode?: string; odooProductId?: number };
};

/** The tool body, shared by the MCP server and in-process agents: always scoped to the context's tenant. */
export async function runKnowledgeSearch(
  ctx: KnowledgeToolContext,
  input: SearchInput,
): Promise<KnowledgeHit[]> {
  const filter = input.filter
    ? Object.fromEntries(Object.entries(input.filter).filter(([, v]) => v !== undefined))
    : undefined;
  const search = (language?: Language) => {
    const where = { ...filter, ...(language ? { language } : {}) };
    return searchKnowledge({
      tenantId: ctx.tenantId,
      collection: input.collection,
      query: input.query,
      topK: input.topK ?? 5,
      store: ctx.store,
      embedder: ctx.embedder,
      ...(Object.keys(where).length ? { filter: where } : {}),
    });
  };
  // Dense search returns a point whenever one passes the filter: no hit means no text in that language.
  const translated = input.language ? await search(input.language) : [];
  return translated.length > 0 ? translated : search();
}

/** Plain text a model reads: one numbered line per hit with score and source. */
export function formatHits(hits: KnowledgeHit[]): string {
  if (hits.length === 0) return 'No results.';
  return hits
    .map((h, i) => {
      const ref = [
        h.defaultCode ? `code ${h.defaultCode}` : '',
        h.odooProductId ? `odoo product ${h.odooProductId}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return `${i + 1}. [${h.score.toFixed(3)}] ${h.source}${ref ? ` (${ref})` : ''}\n${h.text}`;
    })
    .join('\n\n');
}

/** The name of MCP-Knowledge's search tool. */
export const SEARCH_KNOWLEDGE_TOOL = 'search_knowledge' as const;

/** MCP-Knowledge for one tenant: the `search_knowledge` tool (read-only). */
export function buildKnowledgeMcpServer(ctx: KnowledgeToolContext): McpServer {
  const server = new McpServer({ name: 'mcp-knowledge', version: '0.1.0' });
  server.registerTool(
    SEARCH_KNOWLEDGE_TOOL,
    {
      title: 'Search knowledge',
      description:
        "Search the business's knowledge (product sheets, support procedures, business rules, past interactions): passages with score and source. Prices and stock come from Odoo.",
      inputSchema: searchKnowledgeInput,
      outputSchema: searchKnowledgeOutput,
      annotations: {
        title: 'Search knowledge',
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    },
    async (args) => {
      try {
        const hits = await runKnowledgeSearch(ctx, args);
        return toolSuccess(formatHits(hits), { results: hits });
      } catch (error) {
        return toolFailure(error, 'KNOWLEDGE_SEARCH_FAILED');
      }
    },
  );
  return server;
}
