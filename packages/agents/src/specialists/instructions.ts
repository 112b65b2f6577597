import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrewDefinition, SpecialistKind, TenantConfig } from '@mcp-crew/core';
import { renderContext, type AgentContext } from '../engine/agent-context.js';

const LANGUAGE_NAMES = { es: 'Spanish', pt: 'Portuguese', en: 'English' } as const;

/**
 * A specialist's prompt: the text `loadCrews` already read (`promptTexts`), else the file, read once
 * (prompts ship with the crews and change on deploy).
 */
export class PromptFiles {
  readonly #cache = new Map<string, Promise<string>>();

  constructor(private readonly crewsDir?: string) {}

  get(crew: CrewDefinition & { promptTexts?: Partial<Record<SpecialistKind, string>> }, kind: SpecialistKind): Promise<string> {
    const loaded = crew.promptTexts?.[kind];
    if (loaded !== undefined) return Promise.resolve(loaded);
    const file = crew.prompts[kind];
    if (!file || !this.crewsDir) return Promise.resolve('');
    const path = join(this.crewsDir, file);
    let found = this.#cache.get(path);
    if (!found) {
      found = readFile(path, 'utf8').catch(() => '');
      this.#cache.set(path, found);
    }
    return found;
  }
}

/**
 * A specialist's instructions: its prompt file, the crew's channel, language and tone, the rules the code
 * also enforces, and the conversation context as one JSON line.
 */
export function buildInstructions(input: { prompt: string; tenant: TenantConfig; crew: CrewDefinition; context: AgentContext }): string {
  const { prompt, tenant, crew, context } = input;
  return [
    prompt.replaceAll('{business}', tenant.name).trim(),
    '',
    '## Channel',
    `Crew: ${crew.name} (${crew.description}). Default language: ${LANGUAGE_NAMES[crew.language]}. Tone: ${crew.tone}`,
    `Keep each message under ${crew.policy.maxLength} characters.`,
    '',
    '## Rules enforced by the system',
    '- Every price, total, stock figure and order reference in your reply must come from a tool result of this turn; a reply with any other figure is discarded.',
    '- Committing tools (confirm, cancel, book) only run when the customer said an explicit yes to a summary the system showed them in the previous message.',
    '- Orders are only readable for the customer of this conversation. Never reveal other customers\' data.',
    '- When you cannot help, call `handoff_to_human` with the reason and a short note for the person.',
    '',
    renderContext(context),
  ].join('\n');
}
