import { mkdtemp, readdir, readFile, rm, writeFile, mkdir, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isCrewError, type CrewError } from '@mcp-crew/core';
import { loadCrews } from './load-crews.js';

const REAL = resolve(import.meta.dirname, '../../../crews');

let root: string;
let dir: string;

// A copy of the real folder in a temp dir named "crews", so each test breaks one thing.
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'mcp-crew-crews-'));
  dir = join(root, 'crews');
  await mkdir(dir);
  for (const file of await readdir(REAL)) {
    if (file.endsWith('.yaml')) await writeFile(join(dir, file), await readFile(join(REAL, file)));
  }
  for (const sub of ['prompts', 'vocabulary']) {
    await mkdir(join(dir, sub), { recursive: true });
    for (const file of await readdir(join(REAL, sub))) {
      await writeFile(join(dir, sub, file), await readFile(join(REAL, sub, file)));
    }
  }
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  await writeFile(path, change(await readFile(path, 'utf8')));
}

async function failure(): Promise<CrewError> {
  const error = await loadCrews(dir).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isCrewError(error, 'CREW_INVALID')) throw new Error(`expected CREW_INVALID, got ${String(error)}`);
  expect(error.category).toBe('user');
  return error;
}

describe('loadCrews on broken folders', () => {
  it('loads the untouched copy', async () => {
    expect((await loadCrews(dir)).size).toBe(6);
  });

  it('names the file, the field, the expected type and the type found', async () => {
    await edit('whatsapp.yaml', (t) => t.replace('maxLength: 4096', 'maxLength: "4096"'));
    expect((await failure()).message).toBe('crews/whatsapp.yaml: policy.maxLength: expected number, got string');
  });

  it('reports every problem of a file', async () => {
    await edit('facebook.yaml', (t) => t.replace('format: plain', 'format: markdown').replace(/^tone: .*$/m, ''));
    const error = await failure();
    expect(error.message).toContain('crews/facebook.yaml: ');
    expect(error.message).toContain('tone: missing, expected string');
    expect(error.message).toContain('policy.format: expected one of "whatsapp", "email", "plain", got "markdown"');
    expect(error.details['problems']).toHaveLength(2);
  });

  it('rejects unknown fields', async () => {
    await edit('instagram.yaml', (t) => t.replace('  maxLength: 1000', '  maxLength: 1000\n  maxLenght: 900'));
    expect((await failure()).message).toBe('crews/instagram.yaml: policy: unknown field "maxLenght"');
  });

  it('rejects out-of-range numbers with the value found', async () => {
    await edit('webchat.yaml', (t) => t.replace('maxLength: 4000', 'maxLength: 10'));
    expect((await failure()).message).toMatch(/^crews\/webchat\.yaml: policy\.maxLength: .*100.*, got 10$/);
  });

  it('rejects a default specialist that is not a member', async () => {
    await edit('mercadolivre.yaml', (t) => t.replace('defaultSpecialist: sales', 'defaultSpecialist: scheduling'));
    expect((await failure()).message).toBe('crews/mercadolivre.yaml: defaultSpecialist: defaultSpecialist must be one of members');
  });

  it('reports YAML syntax errors with the line', async () => {
    await edit('email.yaml', (t) => t.replace('language: es', 'language: es: pt'));
    expect((await failure()).message).toMatch(/^crews\/email\.yaml: line \d+, column \d+: invalid YAML/);
  });

  it('fails when a crew file is missing', async () => {
    await unlink(join(dir, 'email.yaml'));
    expect((await failure()).message).toBe('crews/: missing crew file crews/email.yaml');
  });

  it('fails on a file whose name is not a crew', async () => {
    await writeFile(join(dir, 'telegram.yaml'), 'name: telegram\n');
    expect((await failure()).message).toMatch(/^crews\/telegram\.yaml: unknown crew "telegram"/);
  });

  it('fails when the name inside does not match the file name', async () => {
    await edit('webchat.yaml', (t) => t.replace('name: webchat', 'name: facebook'));
    expect((await failure()).message).toBe('crews/webchat.yaml: name: expected "webchat" (the file name), got "facebook"');
  });

  it('fails when a prompt file does not exist', async () => {
    await unlink(join(dir, 'prompts', 'support.md'));
    expect((await failure()).message).toBe('crews/email.yaml: prompts.support: prompt file "prompts/support.md" not found');
  });

  it('fails on a prompt path outside the crews folder', async () => {
    await edit('whatsapp.yaml', (t) => t.replace('support: prompts/support.md', 'support: ../secrets.md'));
    expect((await failure()).message).toBe('crews/whatsapp.yaml: prompts.support: "../secrets.md" must be a path inside the crews folder');
  });

  it("gives every crew its vocabulary file's words", async () => {
    for (const crew of (await loadCrews(dir)).values()) {
      expect(crew.vocabulary?.specialists.sales?.clear).toContain('precio');
      expect(crew.vocabulary?.defects).toContain('se pela');
    }
  });

  it('names the vocabulary file, the field and the value when the words are invalid', async () => {
    await edit('vocabulary/paint-shop.yaml', (t) => t.replace('  sales:\n    clear:', '  sales:\n    clearly:'));
    expect((await failure()).message).toBe('crews/vocabulary/paint-shop.yaml: specialists.sales: unknown field "clearly"');
  });

  it('rejects keywords for a specialist that does not exist', async () => {
    await edit('vocabulary/paint-shop.yaml', (t) => t.replace('  support:\n', '  accounting:\n'));
    expect((await failure()).message).toBe('crews/vocabulary/paint-shop.yaml: specialists: unknown field "accounting"');
  });

  it('fails when the vocabulary file does not exist or lies outside the crews folder', async () => {
    await edit('webchat.yaml', (t) => t.replace('vocabulary: vocabulary/paint-shop.yaml', 'vocabulary: vocabulary/nope.yaml'));
    expect((await failure()).message).toBe('crews/vocabulary/nope.yaml: vocabulary file not found');
    await edit('webchat.yaml', (t) => t.replace('vocabulary: vocabulary/nope.yaml', 'vocabulary: ../words.yaml'));
    expect((await failure()).message).toBe('crews/webchat.yaml: vocabulary: "../words.yaml" must be a path inside the crews folder');
  });

  it('fails when the folder does not exist', async () => {
    await rm(dir, { recursive: true });
    expect((await failure()).message).toBe('crews/: crews folder not found or not readable');
  });
});
