import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { DeterministicSelector, tenantId, type SelectorInput } from '@mcp-crew/core';
import { readVocabularyFile } from '@mcp-crew/crews';
import { makeInboundMessage } from '@mcp-crew/testing';
import { createStepModel } from '../model/step-model.js';
import { ModelSelector } from './model-selector.js';
import { createSelector } from './create-selector.js';

// The demo crews' routing keywords: the fallback routes with them as the crew's selector would.
const { specialists: keywords } = await readVocabularyFile(
  resolve(import.meta.dirname, '../../../../crews/vocabulary/paint-shop.yaml'),
);

const input = (
  content: string,
  current?: SelectorInput['current'],
  history?: SelectorInput['history'],
): SelectorInput => ({
  turn: { tenantId: tenantId('demo'), conversationId: 1, messages: [makeInboundMessage({ content })] },
  enabled: ['sales', 'scheduling', 'business_rules', 'support'],
  defaultSpecialist: 'sales',
  language: 'es',
  keywords,
  ...(current ? { current } : {}),
  ...(history ? { history } : {}),
});

const said = (role: 'customer' | 'bot', text: string) => ({ role, text, at: '2026-11-30T15:00:00.000Z' });

/** The text of the user messages a model call carried (what the selector asked it to route). */
const userText = (call: LanguageModelV3CallOptions) =>
  call.prompt
    .filter((m) => m.role === 'user')
    .flatMap((m) => m.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])))
    .join('\n');

/** A model that answers every call with the given text, and keeps the prompts it saw. */
function scripted(answer: string | (() => never)) {
  const seen: LanguageModelV3CallOptions[] = [];
  const model = createStepModel({
    provider: 'test',
    modelId: 'scripted-selector',
    step: async (options) => {
      seen.push(options);
      if (typeof answer === 'function') answer();
      return [{ type: 'text', text: answer as string }];
    },
  });
  return { model, seen };
}

/** A model whose answer is decided from the call it gets. */
function deciding(decide: (call: LanguageModelV3CallOptions) => { specialist: string; why: string }) {
  const model = createStepModel({
    provider: 'test',
    modelId: 'reading-selector',
    step: async (options) => [{ type: 'text', text: JSON.stringify(decide(options)) }],
  });
  return { model };
}

describe('ModelSelector', () => {
  it("routes by the model's structured answer, in one call, with the enabled specialists in the instructions", async () => {
    const { model, seen } = scripted(
      JSON.stringify({ specialist: 'scheduling', why: 'wants a technical visit' }),
    );
    const selection = await new ModelSelector({ model }).select(
      input('¿pueden venir a mirar la humedad del muro?'),
    );
    expect(selection).toEqual({
      specialist: 'scheduling',
      reason: 'matched',
      evidence: ['model: wants a technical visit'],
    });
    expect(seen).toHaveLength(1);
    const system = seen[0]!.prompt
      .filter((m) => m.role === 'system')
      .map((m) => JSON.stringify(m.content))
      .join('\n');
    expect(system).toContain('business_rules: opening hours');
  });

  it('says "kept" when the model keeps the current specialist', async () => {
    const { model } = scripted(JSON.stringify({ specialist: 'sales', why: 'a follow-up' }));
    expect(await new ModelSelector({ model }).select(input('sí', 'sales'))).toMatchObject({
      specialist: 'sales',
      reason: 'kept',
    });
  });

  it('sends the last six messages of the conversation before the one it routes, oldest first, long ones cut', async () => {
    const { model, seen } = scripted(JSON.stringify({ specialist: 'sales', why: 'a follow-up' }));
    const history = [
      said('customer', 'mensaje uno'),
      said('bot', 'mensaje dos'),
      said('customer', 'mensaje tres'),
      said('bot', 'mensaje cuatro'),
      said('customer', 'mensaje cinco'),
      said('bot', 'mensaje seis'),
      said('customer', 'mensaje siete'),
      said('bot', `mensaje ocho ${'con una lista muy larga de productos '.repeat(40)}FIN-DE-LISTA`),
    ];
    await new ModelSelector({ model }).select(input('sí, esa', 'sales', history));
    const sent = userText(seen[0]!);
    expect(sent).not.toContain('mensaje uno');
    expect(sent).not.toContain('mensaje dos');
    const order = ['tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho'].map((n) =>
      sent.indexOf(`mensaje ${n}`),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(sent).toContain('customer: mensaje siete');
    expect(sent).not.toContain('FIN-DE-LISTA');
    expect(sent.endsWith('Message to route:\nsí, esa')).toBe(true);
  });

  it('routes a short reply by what the bot offered before it ("sí, esa" after a product list goes to sales)', async () => {
    // A model that, like a real one, can only tell what "sí, esa" means from the conversation it is shown.
    const { model } = deciding((call) =>
      userText(call).includes('Vinilo Tipo 1')
        ? { specialist: 'sales', why: 'accepts a product the bot offered' }
        : { specialist: 'business_rules', why: 'no context' },
    );
    const selector = new ModelSelector({ model });
    const history = [
      said('customer', 'hola, ¿cuánto cuesta el galón de pintura blanca?'),
      said(
        'bot',
        'Tenemos: 1) Vinilo Tipo 1 Blanco galón $89.900. 2) Vinilo Tipo 2 Blanco galón $64.900. ¿Cuál te sirve?',
      ),
      said('customer', '¿y hacen domicilio a Chía?'),
      said('bot', 'Sí, el domicilio a Chía cuesta $12.000.'),
      said('customer', 'perfecto, la primera'),
      said('bot', '¿Te confirmo el Vinilo Tipo 1 Blanco galón?'),
    ];
    // The conversation came from another crew's inbox: no current specialist to keep.
    expect((await selector.select(input('sí, esa', undefined, history))).specialist).toBe('sales');
    expect((await selector.select(input('sí, esa'))).specialist).toBe('business_rules');
  });

  it.each([
    ['a specialist that is not enabled', JSON.stringify({ specialist: 'accounting', why: 'x' })],
    ['text that is not JSON', 'I think sales'],
  ])('falls back to the deterministic selector on %s', async (_why, answer) => {
    const { model } = scripted(answer);
    const errors: unknown[] = [];
    const selection = await new ModelSelector({ model, onFallback: (e) => errors.push(e) }).select(
      input('¿cuál es el horario de atención?'),
    );
    expect(selection).toEqual(
      await new DeterministicSelector().select(input('¿cuál es el horario de atención?')),
    );
    expect(errors).toHaveLength(1);
  });

  it('falls back when the model call fails', async () => {
    const { model } = scripted(() => {
      throw new Error('503 from the provider');
    });
    expect(
      await new ModelSelector({ model }).select(input('me salieron burbujas en la pintura')),
    ).toMatchObject({ specialist: 'support' });
  });

  it('is the deterministic selector when there is no hosted model', () => {
    expect(createSelector(undefined)).toBeInstanceOf(DeterministicSelector);
    expect(createSelector(scripted('support').model)).toBeInstanceOf(ModelSelector);
  });
});
