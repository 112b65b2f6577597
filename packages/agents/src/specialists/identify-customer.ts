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
  for (const [query, field] of [
    [contact.phone, 'phone'],
    [contact.email, 'email'],
  ] as const) {
    if (!query || query.replace(/\W/g, '').length < 7) continue;
    const input = { query, limit: 2 };
    try {
      const outcome = await find.client.callTool({ name: find.name, arguments: input });
      const result = outcome.structuredContent as AgentToolOutput<typeof FIND> | undefined;
      // The search is fuzzy (a phone's last seven digits): only a record holding this very phone or e-mail counts.
      const customers = (outcome.isError ? [] : (result?.customers ?? [])).filter((c) =>
        field === 'phone' ? samePhone(query, c.phone) : sameEmail(query, c.email),
      );
      records.push({
        tool: find.name,
        input,
        ok: !outcome.isError,
        text: customers.map((c) => `#${c.id} ${c.name}`).join('\n') || 'no match',
      });
      const [only] = customers;
      if (customers.length === 1 && only)
        return {
          id: only.id,
          name: only.name,
          verified: true,
          ...(only.companyId ? { companyId: only.companyId } : {}),
        };
    } catch {
      // Not knowing the customer is no failure: the conversation goes on without a verified partner.
      return undefined;
    }
  }
  return undefined;
}

/** Two phone numbers are the same line when one's digits end the other's, ten of them at least (or all of both). */
export function samePhone(a: string, b: string | undefined): boolean {
  const x = a.replace(/\D/g, '');
  const y = (b ?? '').replace(/\D/g, '');
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && long.endsWith(short) && (short.length >= 10 || short.length === long.length);
}

function sameEmail(a: string, b: string | undefined): boolean {
  return b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}
