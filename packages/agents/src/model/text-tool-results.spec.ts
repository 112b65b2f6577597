import { describe, expect, it } from '@jest/globals';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { createStepModel } from './step-model.js';
import { withTextToolResults } from './text-tool-results.js';

describe('withTextToolResults (a hosted model reads a tool’s text, not its structured result too)', () => {
  it('sends the text of a { text, result } answer and leaves errors and the caller’s prompt as they are', async () => {
    const seen: LanguageModelV3CallOptions[] = [];
    const model = withTextToolResults(
      createStepModel({
        provider: 'openai.chat',
        modelId: 'gpt-test',
        step: async (call) => {
          seen.push(call);
          return [{ type: 'text', text: 'ok' }];
        },
      }),
    );
    const call: LanguageModelV3CallOptions = {
      prompt: [
        { role: 'user', content: [{ type: 'text', text: '¿Tienen esmalte blanco?' }] },
        {
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: 'c1',
              toolName: 'odoo_search_products',
              output: {
                type: 'json',
                value: { text: '#3 Esmalte Blanco Galón: 109900 COP', result: { products: [{ id: 3 }] } },
              },
            },
            {
              type: 'tool-result',
              toolCallId: 'c2',
              toolName: 'odoo_create_quotation',
              output: { type: 'json', value: { error: 'REFUSED: not linked' } },
            },
          ],
        },
      ],
    };
    await model.doGenerate(call);
    const tool = seen[0]!.prompt[1]!;
    expect(tool.role === 'tool' && tool.content.map((p) => p.type === 'tool-result' && p.output)).toEqual([
      { type: 'text', value: '#3 Esmalte Blanco Galón: 109900 COP' },
      { type: 'json', value: { error: 'REFUSED: not linked' } },
    ]);
    // The fallback (the offline engine) gets Mastra's call untouched: it reads the structured result.
    expect(call.prompt[1]).toMatchObject({ content: [{ output: { type: 'json' } }, {}] });
  });
});
