import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { startOdooSandbox, type OdooSandbox } from '@mcp-crew/odoo-sandbox';
import { untypedToolParameters } from '@mcp-crew/testing';
import type { ConversationState } from '@mcp-crew/core';
import { AgentSpecialistRegistry, createStepModel, InProcessTenantTools } from '../src/index.js';
import { modelSchema } from '../src/tools/model-schema.js';
import { crew, demoTenant, turnOf } from './support.js';

/**
 * What the model is shown is what it can do: every tool's JSON Schema, as handed to the model by Mastra, is
 * the schema its MCP server lists (less what only a validator reads: `modelSchema`), and every parameter in
 * it says what it accepts. (Mastra's own zod conversion once advertised `odoo_create_lead`'s `email` as an
 * empty object.)
 */
describe('tool schemas as the model receives them', () => {
  let sandbox: OdooSandbox;
  beforeAll(async () => {
    sandbox = await startOdooSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
  });

  it.each([['sales'], ['scheduling'], ['business_rules'], ['support']] as const)(
    'the %s specialist is handed each tool with its server-listed, fully typed schema',
    async (kind) => {
      const calls: LanguageModelV3CallOptions[] = [];
      const model = createStepModel({
        provider: 'test',
        modelId: 'recorder',
        step: async (options) => (calls.push(options), [{ type: 'text', text: 'Hola.' }]),
      });
      const tools = new InProcessTenantTools();
      const registry = new AgentSpecialistRegistry({ tools, model: () => model });
      try {
        const tenant = demoTenant(sandbox.url);
        const listed = new Map((await tools.forTenant(tenant)).map((t) => [t.name, t.inputSchema]));
        // A known customer with a working quotation: the state in which the most tools apply.
        const state: ConversationState = {
          history: [],
          partner: { id: 5, name: 'Ana Gómez', verified: true },
          quotation: { id: 1, name: 'S00001' },
        };
        await registry
          .get(tenant, kind)!
          .handle(turnOf('hola'), { tenant, crew: await crew('whatsapp'), specialist: kind, state });

        const shown = calls.flatMap((call) => call.tools ?? []).filter((t) => t.type === 'function');
        expect(shown.length).toBeGreaterThan(0);
        expect(untypedToolParameters(shown)).toEqual([]);
        for (const tool of shown) {
          const server = listed.get(tool.name);
          if (!server) continue; // the crew's own tools (hand-over) are checked for types above
          expect({ tool: tool.name, schema: tool.inputSchema }).toEqual({
            tool: tool.name,
            schema: modelSchema(server),
          });
        }
      } finally {
        await registry.close();
      }
    },
  );
});
