import type { Contact, ConversationState } from '@mcp-crew/core';
import type { McpToolSource } from '../tools/mcp-tools.js';
import type { ToolCallRecord } from '../tools/tool-call-record.js';
import type { AgentToolName, AgentToolOutput } from '../tools/tool-names.js';

const FIND = 'odoo_find_customers' satisfies AgentToolName;

/**
 * The customer's Odoo partner from the Chatwoot contact's phone, then e-mail (facts the channel gives,
 * not claims in the chat), through `odoo_find_customers`. Exactly one match makes a verified partner.
 */
export async function identifyCustomer(
  contact: Contact,
  tools: McpToolSource[],
  records: ToolCallRecord[],
): Promise<ConversationState['partner']> {
  const find = tools.find((t) => t.name === FIND);
  if (!find) return undefined;
  for (const query of [contact.phone, contact.email]) {
    if (!query || query.replace(/\W/g, '').length < 7) continue;
    const input = { query, limit: 2 };
    try {
      const outcome = await find.client.callTool({ name: find.name, arguments: input });
      const result = outcome.structuredContent as AgentToolOutput<typeof FIND> | undefined;
      const customers = outcome.isError ? [] : (result?.customers ?? []);
      records.push({
        tool: find.name,
        input,
        ok: !outcome.isError,
        text: customers.map((c) => `#${c.id} ${c.name}`).join('\n') || 'no match',
      });
      if (customers.length === 1) return { id: customers[0]!.id, name: customers[0]!.name, verified: true };
    } catch {
      // Not knowing the customer is no failure: the conversation goes on without a verified partner.
      return undefined;
    }
  }
  return undefined;
}
