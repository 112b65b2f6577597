import { describe, expect, it } from '@jest/globals';
import type { ToolCallRecord } from '@mcp-crew/core';
import { SEARCH_KNOWLEDGE_TOOL } from '@mcp-crew/knowledge';
import { MONGO_TOOLS } from '@mcp-crew/mcp-mongodb';
import { ODOO_TOOL_NAMES } from '@mcp-crew/mcp-odoo';
import { call, data, resultOf } from '../engine/step.js';
import type { PromptView } from '../engine/prompt-view.js';
import { COMMITTING_TOOLS } from '../guards/committing-tools.js';
import { TOOL_ALLOWLISTS } from '../specialists/allowlists.js';
import { HANDOFF_TOOL, isCallOf, outputOf } from './tool-names.js';

const known = new Set<string>([
  ...ODOO_TOOL_NAMES,
  ...MONGO_TOOLS.map((t) => t.name),
  SEARCH_KNOWLEDGE_TOOL,
  HANDOFF_TOOL,
]);

function view(results: PromptView['results'], tools: string[]): PromptView {
  return { text: '', earlier: [], results, tools: new Set(tools) };
}

describe('typed tool names', () => {
  it('allowlists and committing tools name only tools the servers list', () => {
    const named = [...Object.values(TOOL_ALLOWLISTS).flat(), ...COMMITTING_TOOLS];
    expect(named.filter((name) => !known.has(name))).toEqual([]);
  });

  it('reads a result by tool name and input, typed by its output schema', () => {
    const seen = view(
      [
        {
          toolCallId: 'a',
          toolName: 'odoo_find_customers',
          input: { query: 'Ana' },
          output: { result: { customers: [{ id: 7, name: 'Ana' }], count: 1, truncated: false } },
          failed: false,
        },
      ],
      ['odoo_find_customers'],
    );
    const found = data(resultOf(seen, 'odoo_find_customers', { query: 'Ana' }));
    // Compile-time: `customers` is the schema's array of customers, not `unknown`.
    const first: number | undefined = found?.customers[0]?.id;
    expect(first).toBe(7);
    expect(resultOf(seen, 'odoo_find_customers', { query: 'Beto' })).toBeUndefined();
    // @ts-expect-error a misspelt tool name does not compile
    expect(resultOf(seen, 'odoo_find_customer')).toBeUndefined();
  });

  it("builds calls whose arguments fit the tool's input schema", () => {
    const seen = view([], ['odoo_get_order']);
    expect(call(seen, [['odoo_get_order', { order_id: 3 }]])).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'odoo_get_order-0-0',
        toolName: 'odoo_get_order',
        input: '{"order_id":3}',
      },
    ]);
    // @ts-expect-error an argument the tool does not take does not compile
    call(seen, [['odoo_get_order', { order: 3 }]]);
  });

  it('narrows records by tool name and success', () => {
    const record: ToolCallRecord = {
      tool: 'odoo_free_slots',
      input: {},
      ok: true,
      text: '',
      result: { slots: [{ start: 's', end: 'e', local: '2026-12-01 09:00' }], time_zone: 'America/Bogota' },
    };
    expect(isCallOf(record, 'odoo_free_slots', 'odoo_book_appointment')).toBe(true);
    expect(outputOf(record, 'odoo_free_slots')?.slots[0]?.local).toBe('2026-12-01 09:00');
    expect(outputOf({ ...record, ok: false }, 'odoo_free_slots')).toBeUndefined();
    expect(outputOf(record, 'odoo_book_appointment')).toBeUndefined();
    // @ts-expect-error a misspelt tool name does not compile
    expect(isCallOf(record, 'odoo_free_slot')).toBe(false);
  });
});
