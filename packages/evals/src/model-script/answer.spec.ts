import { describe, expect, it } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import { ScriptedConversation, type ScriptedCall } from './answer.js';
import { modelScriptSchema } from './schema.js';

const SYSTEM = [
  'You sell paint.',
  '## This conversation',
  '- Customer in Odoo: Ana Gómez (id 5, verified by the contact\'s phone or e-mail).',
  '- Working quotation: S00005 (order id 12).',
].join('\n');

const script = modelScriptSchema.parse({
  rules: [
    {
      when: ['galones'],
      steps: [
        { call: 'odoo_search_products', args: { query: 'vinilo', customer_id: '{{customer.id}}' } },
        {
          call: 'odoo_create_quotation',
          args: {
            customer_id: '{{customer.id}}',
            lines: [{ product_id: '{{odoo_search_products.products.0.id}}', quantity: 2 }],
          },
        },
        { say: 'Cotización {{odoo_create_quotation.name}}: {{odoo_create_quotation.amount_total|pesos}}' },
      ],
    },
    {
      when: ['dale'],
      specialist: 'sales',
      steps: [
        { call: 'odoo_confirm_quotation', args: { order_name: '{{quotation.name}}' } },
        { failed: 'odoo_confirm_quotation', say: 'No pude' },
        { say: 'Confirmada por {{odoo_create_quotation.amount_total|pesos}}' },
      ],
    },
    { when: ['soporte'], specialist: 'support', steps: [{ say: 'Te ayudo' }] },
  ],
});

type Message = NonNullable<ScriptedCall['messages']>[number];
const user = (content: string): Message => ({ role: 'user', content });
const called = (id: string, name: string): Message => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id, function: { name } }],
});
const result = (id: string, value: unknown): Message => ({
  role: 'tool',
  tool_call_id: id,
  content: JSON.stringify(value),
});
const call = (...messages: Message[]): ScriptedCall => ({
  messages: [{ role: 'system', content: SYSTEM }, ...messages],
});

describe('a scripted model conversation', () => {
  it('calls tools first, one step per call, citing the prompt facts and earlier results; then replies', () => {
    const model = new ScriptedConversation(script);
    const said = user('necesito 2 galones de vinilo');
    expect(model.answer(call(said))).toEqual({
      toolCalls: [{ name: 'odoo_search_products', arguments: { query: 'vinilo', customer_id: 5 } }],
    });
    const searched = [called('a', 'odoo_search_products'), result('a', { text: '', result: { products: [{ id: 2 }] } })];
    expect(model.answer(call(said, ...searched))).toEqual({
      toolCalls: [
        {
          name: 'odoo_create_quotation',
          arguments: { customer_id: 5, lines: [{ product_id: 2, quantity: 2 }] },
        },
      ],
    });
    const created = [
      called('b', 'odoo_create_quotation'),
      result('b', { text: 'Created S00005', result: { name: 'S00005', amount_total: 149702 } }),
    ];
    expect(model.answer(call(said, ...searched, ...created))).toBe('Cotización S00005: $149.702');
  });

  it('branches on a refused result, and remembers results read in earlier turns', () => {
    const model = new ScriptedConversation(script);
    const quoted = [
      called('b', 'odoo_create_quotation'),
      result('b', { text: '', result: { name: 'S00005', amount_total: 149702 } }),
    ];
    model.answer(call(user('2 galones'), ...quoted));
    const yes = user('dale');
    expect(model.answer(call(yes))).toEqual({
      toolCalls: [{ name: 'odoo_confirm_quotation', arguments: { order_name: 'S00005' } }],
    });
    const refused = [called('c', 'odoo_confirm_quotation'), result('c', { error: 'REFUSED: no yes' })];
    expect(model.answer(call(yes, ...refused))).toBe('No pude');
    const confirmed = [called('c', 'odoo_confirm_quotation'), result('c', { text: '', result: { name: 'S00005' } })];
    expect(model.answer(call(yes, ...confirmed))).toBe('Confirmada por $149.702');
  });

  it("answers the selector's structured call with the rule's specialist, else sales, among those offered", () => {
    const model = new ScriptedConversation(script);
    const selector = (text: string, offered: string[]): ScriptedCall => ({
      messages: [{ role: 'system', content: 'You route' }, user(text)],
      responseFormat: {
        type: 'json_schema',
        json_schema: { schema: { properties: { specialist: { enum: offered } } } },
      },
    });
    expect(JSON.parse(model.answer(selector('tengo un problema, soporte', ['sales', 'support'])) as string)).toEqual({
      specialist: 'support',
      why: 'model script',
    });
    expect(JSON.parse(model.answer(selector('hola', ['support', 'sales'])) as string)).toMatchObject({
      specialist: 'sales',
    });
    expect(() => model.answer(selector('soporte', ['sales']))).toThrow(/"support" is not offered/);
  });

  it('fails with a stable code when the script has no answer or cites a missing value', () => {
    const model = new ScriptedConversation(script);
    let error: unknown;
    try {
      model.answer(call(user('buenas tardes')));
    } catch (e) {
      error = e;
    }
    expect(isCrewError(error, 'EVAL_MODEL_SCRIPT')).toBe(true);
    expect((error as Error).message).toBe('model script: no rule for "buenas tardes"');
    const bare = { messages: [user('necesito 2 galones')] };
    expect(() => model.answer(bare)).toThrow(/\{\{customer\.id\}\} has no value/);
  });
});

describe('a scripted model reading tool texts (what a hosted model is handed)', () => {
  const text = (id: string, content: string): Message => ({ role: 'tool', tool_call_id: id, content });

  it('reads the product ids, order reference and total the texts state', () => {
    const chat = new ScriptedConversation(script);
    // The customer's message and the product search, as every later call of the turn repeats them.
    const searched = [
      user('2 galones de vinilo'),
      called('a', 'odoo_search_products'),
      text('a', '#39 [VT1-BLA-GL] Vinilo Tipo 1 Blanco Galón: 62900 COP/Galón before taxes; 12 on hand'),
    ];
    expect(chat.answer(call(...searched))).toEqual({
      toolCalls: [
        { name: 'odoo_create_quotation', arguments: { customer_id: 5, lines: [{ product_id: 39, quantity: 2 }] } },
      ],
    });
    expect(
      chat.answer(
        call(
          ...searched,
          called('b', 'odoo_create_quotation'),
          text('b', 'Created S00007 (order id 7) — Quotation for Ana Gómez (customer 5)\nUntaxed 125800, taxes 23902, total 149702 COP'),
        ),
      ),
    ).toBe('Cotización S00007: $149.702');
  });

  it("takes Mastra's text for a tool the step was not given as a failure", () => {
    const chat = new ScriptedConversation(script);
    const answer = chat.answer(
      call(user('dale'), called('c', 'odoo_confirm_quotation'), text('c', 'Tool "odoo_confirm_quotation" not found. Available tools: odoo_get_order')),
    );
    expect(answer).toBe('No pude');
  });
});
