// Boundaries to split at, coarse to fine; each piece keeps its trailing separator.
const LEVELS: ReadonlyArray<(text: string) => string[]> = [
  (t) => t.split(/(?<=\n[ \t]*\n)/), // paragraphs
  (t) => t.split(/(?<=\n)/), // lines
  (t) => keepBoldTogether(t.split(/(?<=[.!?…]["'”»)\]]*\s)/)), // sentences
  (t) => keepBoldTogether(t.split(/(?<=\s)/)), // words, a *bold span* as one
  (t) => t.split(/(?<=\s)/), // words
];

/** Joins pieces until the `*` marks balance, so a `*bold span*` is not cut across messages. */
function keepBoldTogether(pieces: string[]): string[] {
  const out: string[] = [];
  let open = '';
  for (const piece of pieces) {
    open += piece;
    if ((open.match(/\*/g)?.length ?? 0) % 2 === 0) {
      out.push(open);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

/** Last resort for a single word longer than the limit; counts code points so emoji are not halved. */
function hardCut(word: string, max: number): string[] {
  const chars = Array.from(word);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += max) parts.push(chars.slice(i, i + max).join(''));
  return parts;
}

function pack(text: string, max: number, level: number): string[] {
  if (text.trim().length <= max) return [text.trim()];
  const split = LEVELS[level];
  if (!split) return hardCut(text.trim(), max);
  const parts: string[] = [];
  let current = '';
  for (const piece of split(text)) {
    if ((current + piece).trim().length <= max) {
      current += piece;
      continue;
    }
    if (current.trim()) parts.push(current.trim());
    current = '';
    if (piece.trim().length <= max) current = piece;
    else parts.push(...pack(piece, max, level + 1));
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/**
 * Splits a reply into messages of at most `maxLength` characters, at paragraph, then line, then
 * sentence, then word boundaries; a word is cut only when it alone is longer than the limit.
 * Order is kept and no part is empty.
 */
export function splitMessage(text: string, maxLength: number): string[] {
  return pack(text, maxLength, 0).filter((part) => part.length > 0);
}
