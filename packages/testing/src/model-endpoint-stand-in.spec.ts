import { afterEach, describe, expect, it } from '@jest/globals';
import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { startModelEndpointStandIn, type ModelEndpointStandIn } from './model-endpoint-stand-in.js';

// The AI SDK's own OpenAI chat client reads the stand-in's answers: the shapes are the ones it parses.
const options: LanguageModelV3CallOptions = {
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'necesito 2 galones' }] }],
  tools: [
    {
      type: 'function',
      name: 'odoo_search_products',
      description: 'search',
      inputSchema: { type: 'object', properties: { query: { type: 'string' } } },
    },
  ],
};

async function parts(
  stream: ReadableStream<LanguageModelV3StreamPart>,
): Promise<LanguageModelV3StreamPart[]> {
  const all: LanguageModelV3StreamPart[] = [];
  for await (const part of stream) all.push(part);
  return all;
}

describe('model endpoint stand-in: chat completions with tool calls', () => {
  let standIn: ModelEndpointStandIn | undefined;
  afterEach(async () => standIn?.close());

  const model = (url: string) => createOpenAI({ apiKey: 'sk-test', baseURL: url }).chat('scripted-1');
  const answers = [
    { toolCalls: [{ name: 'odoo_search_products', arguments: { query: 'vinilo blanco' } }] },
    'Te cotizo 2 galones.',
  ];

  it('answers a call with tool calls, then with text, as chat.completion objects with usage', async () => {
    let n = 0;
    standIn = await startModelEndpointStandIn({ chat: () => answers[n++]! });
    const first = await model(standIn.url).doGenerate(options);
    expect(first.finishReason.unified).toBe('tool-calls');
    expect(first.content).toEqual([
      expect.objectContaining({
        type: 'tool-call',
        toolName: 'odoo_search_products',
        input: JSON.stringify({ query: 'vinilo blanco' }),
      }),
    ]);
    expect(first.usage.inputTokens.total).toBeGreaterThan(0);
    const second = await model(standIn.url).doGenerate(options);
    expect(second.content).toEqual([expect.objectContaining({ type: 'text', text: 'Te cotizo 2 galones.' })]);
    expect(standIn.calls[0]).toMatchObject({
      tools: [{ name: 'odoo_search_products' }],
      model: 'scripted-1',
    });
    expect(standIn.calls[0]!.stream).toBeUndefined();
  });

  it('streams the same answers as chat.completion.chunk events when the call asks for it', async () => {
    let n = 0;
    standIn = await startModelEndpointStandIn({ chat: () => answers[n++]! });
    const calls = await parts((await model(standIn.url).doStream(options)).stream);
    expect(calls).toContainEqual(
      expect.objectContaining({
        type: 'tool-call',
        toolName: 'odoo_search_products',
        input: JSON.stringify({ query: 'vinilo blanco' }),
      }),
    );
    expect(calls.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'tool-calls' } });
    const text = await parts((await model(standIn.url).doStream(options)).stream);
    const deltas = text.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : []));
    expect(deltas.join('')).toBe('Te cotizo 2 galones.');
    expect(deltas.length).toBeGreaterThan(1);
    expect(text.at(-1)).toMatchObject({ type: 'finish', usage: { inputTokens: { total: 120 } } });
    expect(standIn.calls.every((c) => c.stream === true)).toBe(true);
  });

  it('answers a chat function that throws with a 400 carrying its message, and keeps it', async () => {
    standIn = await startModelEndpointStandIn({
      chat: () => {
        throw new Error('model script: no rule for "hola"');
      },
    });
    await expect(model(standIn.url).doGenerate(options)).rejects.toThrow('model script: no rule for "hola"');
    expect(standIn.errors).toEqual(['model script: no rule for "hola"']);
  });
});
