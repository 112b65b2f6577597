import { resolve } from 'node:path';
import { CREW_NAMES, crewDefinitionSchema } from '@mcp-crew/core';
import { loadCrews } from './load-crews.js';

const CREWS_DIR = resolve(import.meta.dirname, '../../../crews');

describe('loadCrews on the real crews/ folder', () => {
  it('loads one valid crew per channel, in CREW_NAMES order', async () => {
    const crews = await loadCrews(CREWS_DIR);
    expect([...crews.keys()]).toEqual([...CREW_NAMES]);
    for (const crew of crews.values()) {
      const { promptTexts: _texts, ...definition } = crew;
      expect(crewDefinitionSchema.safeParse(definition).success).toBe(true);
      expect(crew.language).toBe('es');
    }
  });

  it.each([
    ['whatsapp', 4096, 'whatsapp'],
    ['facebook', 2000, 'plain'],
    ['instagram', 1000, 'plain'],
    ['email', 25_000, 'email'],
    ['mercadolivre', 2000, 'plain'],
    ['webchat', 4000, 'plain'],
  ] as const)('%s: maxLength %i, format %s', async (name, maxLength, format) => {
    const crew = (await loadCrews(CREWS_DIR)).get(name);
    expect(crew?.policy).toMatchObject({ maxLength, format });
  });

  it('forbids contact data and payment outside the platform on Mercado Libre only', async () => {
    const crews = await loadCrews(CREWS_DIR);
    for (const [name, crew] of crews) {
      const expected = name === 'mercadolivre';
      expect(crew.policy.forbid).toMatchObject({ phoneNumbers: expected, emails: expected, links: expected });
      expect(crew.policy.forbid.offPlatformPayment.length > 0).toBe(expected);
    }
  });

  it('gives e-mail a greeting with {name} and a signature with {business}', async () => {
    const email = (await loadCrews(CREWS_DIR)).get('email');
    expect(email?.policy.emailGreeting).toBe('Hola {name},');
    expect(email?.policy.emailSignature).toContain('{business}');
  });

  it('escalates on es / pt / en requests for a person', async () => {
    for (const crew of (await loadCrews(CREWS_DIR)).values()) {
      expect(crew.escalation.keywords).toEqual(
        expect.arrayContaining(['quiero hablar con una persona', 'asesor', 'humano', 'atendente', 'falar com uma pessoa', 'human', 'agent']),
      );
    }
  });

  it('reads a real prompt for every member', async () => {
    for (const crew of (await loadCrews(CREWS_DIR)).values()) {
      for (const member of crew.members) {
        const prompt = crew.promptTexts[member];
        expect(prompt?.length).toBeGreaterThan(500);
        expect(prompt).toContain("customer's language");
      }
    }
  });
});
