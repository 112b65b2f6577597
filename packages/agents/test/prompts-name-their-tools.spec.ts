import { describe, expect, it } from '@jest/globals';
import { CREW_NAMES, SPECIALIST_KINDS } from '@mcp-crew/core';
import { loadCrews } from '@mcp-crew/crews';
import { buildInstructions, HANDOFF_TOOL, TOOL_ALLOWLISTS } from '../src/index.js';
import { CREWS_DIR, demoTenant } from './support.js';

// Tool names are snake_case; the only other snake_case words a prompt uses are the specialists' names.
const SNAKE_CASE = /\b[a-z]+(?:_[a-z]+)+\b/g;

/**
 * Every tool a specialist's instructions name (its prompt file, the crew's texts, the rules the system adds)
 * is one that specialist is given: a model told to call a tool it does not have fails the step or invents
 * a way around it.
 */
describe('prompts name only the tools their specialist has', () => {
  it.each(CREW_NAMES.map((name) => [name]))('crew %s', async (name) => {
    const crew = (await loadCrews(CREWS_DIR)).get(name)!;
    const tenant = demoTenant('http://127.0.0.1:9');
    const wrong: string[] = [];
    for (const kind of crew.members) {
      const prompt = crew.promptTexts[kind] ?? '';
      expect(prompt.length).toBeGreaterThan(0);
      const instructions = buildInstructions({ prompt, tenant, crew });
      const given = new Set<string>([...TOOL_ALLOWLISTS[kind], HANDOFF_TOOL]);
      const named = new Set(instructions.match(SNAKE_CASE) ?? []);
      for (const tool of named)
        if (!given.has(tool) && !(SPECIALIST_KINDS as readonly string[]).includes(tool))
          wrong.push(`${kind}: ${tool}`);
    }
    expect(wrong).toEqual([]);
  });
});
