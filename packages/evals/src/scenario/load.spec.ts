import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { isCrewError } from '@mcp-crew/core';
import { loadScenarios, parseScenarioFile } from './load.js';

const ONE = `
id: quote-1
title: A quotation
category: quotation
channel: whatsapp
contact: { name: Ana Gómez, phone: "+573001234567" }
turns:
  - say: necesito 2 galones de vinilo
    expect: { showsOrderTotal: true }
expect:
  erp: { newOrders: 1, orders: [{ partnerId: 5, lines: [{ product: Vinilo, qty: 2 }] }] }
`;

describe('scenario files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads one scenario with its defaults filled in', () => {
    const [s] = parseScenarioFile(ONE, 'evals/demo/a.yaml', 'evals/demo');
    expect(s).toMatchObject({
      id: 'quote-1',
      file: 'evals/demo/a.yaml',
      tags: [],
      contact: { name: 'Ana Gómez' },
    });
    expect(s!.expect.erp?.orders?.[0]).toMatchObject({ partnerId: 5, exactLines: false });
  });

  it("applies a file's defaults to each of its scenarios, the scenario winning", () => {
    const text = `defaults: { category: knowledge, channel: email, language: es }
scenarios:
  - { id: a, title: A, turns: [{ say: hola }] }
  - { id: b, title: B, channel: webchat, turns: [{ say: hola }] }`;
    const [a, b] = parseScenarioFile(text, 'f.yaml', 's');
    expect([a!.channel, b!.channel, b!.category, b!.language]).toEqual([
      'email',
      'webchat',
      'knowledge',
      'es',
    ]);
  });

  it('names the file and every invalid field', () => {
    const text = `scenarios:
  - { id: ok, title: A, category: quotation, channel: whatsapp, turns: [{ say: hola }] }
  - { id: Bad Id, title: B, category: gossip, channel: telegram, turns: [] }`;
    let error: unknown;
    try {
      parseScenarioFile(text, 'evals/demo/bad.yaml', 's');
    } catch (e) {
      error = e;
    }
    expect(isCrewError(error, 'EVAL_SCENARIO_INVALID')).toBe(true);
    const message = (error as Error).message;
    expect(message).toMatch(/^evals\/demo\/bad\.yaml: /);
    for (const field of [
      'scenarios.1.id',
      'scenarios.1.category',
      'scenarios.1.channel',
      'scenarios.1.turns',
    ])
      expect(message).toContain(field);
    expect(message).not.toContain('scenarios.0');
  });

  it('refuses unknown fields (a typo in an expectation must not pass silently)', () => {
    expect(() => parseScenarioFile(ONE.replace('showsOrderTotal', 'showOrderTotal'), 'a.yaml', 's')).toThrow(
      /turns\.0\.expect.*showOrderTotal/,
    );
  });

  it('reports a YAML syntax error with the file', () => {
    expect(() => parseScenarioFile('id: [unclosed', 'x.yaml', 's')).toThrow(/^x\.yaml: YAML: /);
  });

  it('checks a model script like the rest: one of call, calls or say per step, no unknown field', () => {
    const scripted = (step: string) =>
      `${ONE}modelScript:\n  rules:\n    - when: [galones]\n      steps:\n        - ${step}\n`;
    const [s] = parseScenarioFile(scripted('{ call: odoo_search_products, args: { query: vinilo } }'), 'a.yaml', 's');
    expect(s!.modelScript?.rules[0]?.steps[0]).toMatchObject({ call: 'odoo_search_products', args: { query: 'vinilo' } });
    expect(() => parseScenarioFile(scripted('{ call: odoo_get_order, say: hola }'), 'a.yaml', 's')).toThrow(
      /modelScript\.rules\.0\.steps\.0: a step has one of `call`, `calls` or `say`/,
    );
    expect(() => parseScenarioFile(scripted('{ say: hola, afterr: odoo_get_order }'), 'a.yaml', 's')).toThrow(
      /modelScript\.rules\.0\.steps\.0.*afterr/,
    );
  });

  it('refuses a set where only some scenarios carry a model script (one model per run)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'evals-'));
    writeFileSync(join(dir, 'a.yaml'), `${ONE}modelScript: { rules: [{ steps: [{ say: hola }] }] }\n`);
    writeFileSync(join(dir, 'b.yaml'), ONE.replace('quote-1', 'quote-2'));
    await expect(loadScenarios(dir, { root: dir })).rejects.toThrow(
      /b\.yaml: "quote-2" has no modelScript, but other scenarios of the set have one/,
    );
  });

  it('loads a folder recursively and refuses an id used twice', async () => {
    dir = mkdtempSync(join(tmpdir(), 'evals-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.yaml'), ONE);
    writeFileSync(join(dir, 'sub', 'b.yml'), ONE.replace('quote-1', 'quote-2'));
    writeFileSync(join(dir, 'notes.txt'), 'not a scenario');
    expect((await loadScenarios(dir, { root: dir })).map((s) => [s.id, s.file])).toEqual([
      ['quote-1', 'a.yaml'],
      ['quote-2', join('sub', 'b.yml')],
    ]);
    writeFileSync(join(dir, 'sub', 'c.yaml'), ONE);
    await expect(loadScenarios(dir, { root: dir })).rejects.toThrow(/id "quote-1" is also used in a\.yaml/);
  });
});
