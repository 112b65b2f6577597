import { splitMessage } from './split-message.js';

const words = (n: number, word = 'pintura') => Array.from({ length: n }, () => word).join(' ');

describe('splitMessage', () => {
  it('returns a short text as one part, trimmed', () => {
    expect(splitMessage('  Hola Ana  \n', 100)).toEqual(['Hola Ana']);
  });

  it('returns no parts for an empty text', () => {
    expect(splitMessage(' \n\n ', 100)).toEqual([]);
  });

  it('splits at paragraphs first', () => {
    const a = 'a'.repeat(60);
    const b = 'b'.repeat(60);
    expect(splitMessage(`${a}\n\n${b}`, 100)).toEqual([a, b]);
  });

  it('packs several paragraphs into one part when they fit', () => {
    const text = 'Uno.\n\nDos.\n\n' + 'x'.repeat(95);
    expect(splitMessage(text, 100)).toEqual(['Uno.\n\nDos.', 'x'.repeat(95)]);
  });

  it('splits a long paragraph at sentences, then words, never inside a word', () => {
    const text = `${words(8)}. ${words(8, 'vinilo')}. ${words(30, 'esmalte')}`;
    const parts = splitMessage(text, 80);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(80);
      expect(part.length).toBeGreaterThan(0);
    }
    expect(parts.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
    expect(parts[0]).toBe(`${words(8)}.`);
  });

  it('keeps a *bold* span in one part when it fits', () => {
    const text = `${words(9, 'texto')} *Vinilo Tipo 1 blanco* ${words(5, 'fin')}`;
    const parts = splitMessage(text, 70);
    expect(parts.some((p) => p.includes('*Vinilo Tipo 1 blanco*'))).toBe(true);
    for (const part of parts) expect((part.match(/\*/g)?.length ?? 0) % 2).toBe(0);
  });

  it('cuts a single word longer than the limit, by code points', () => {
    const parts = splitMessage(`ok ${'😀'.repeat(250)}`, 100);
    expect(parts[0]).toBe('ok');
    expect(parts.slice(1).map((p) => Array.from(p).length)).toEqual([100, 100, 50]);
    expect(parts.every((p) => !p.includes('\uFFFD'))).toBe(true);
  });

  it('keeps lines of a list together where it can and keeps the order', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `- Producto ${i + 1}: $ ${(i + 1) * 1000}`);
    const parts = splitMessage(lines.join('\n'), 200);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('\n').split('\n')).toEqual(lines);
  });
});
