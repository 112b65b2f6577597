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

const input = (content: string, current?: SelectorInput['current']): SelectorInput => ({
  turn: { tenantId: tenantId('demo'), conversationId: 1, messages: [makeInboundMessage({ content })] },
  enabled: ['sales', 'scheduling', 'business_rules', 'support'],
  defaultSpecialist: 'sales',
  language: 'es',
  keywords,
  ...(current ? { current } : {}),
});

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
