import { foldText, type Language } from '@mcp-crew/core';

/** The fields of a `search_knowledge` hit the engine reads. */
export interface KnowledgeHitView {
  text: string;
  score: number;
  source: string;
  title?: string;
  language?: Language;
  odooProductId?: number;
}

const STOP = new Set([
  'para',
  'como',
  'cual',
  'cuales',
  'tienen',
  'tiene',
  'hacen',
  'ustedes',
  'quiero',
  'puedo',
  'donde',
  'cuando',
  'esta',
  'estan',
  'pintura',
  'what',
  'your',
  'have',
  'voces',
  'vcs',
]);

function words(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4 && !STOP.has(w));
}

// Five letters tell "devolver" and "devoluciones" apart from "desconto" while still matching plurals.
function same(a: string, b: string): boolean {
  return a.length >= 5 && b.length >= 5 ? a.slice(0, 5) === b.slice(0, 5) : a === b;
}

/**
 * The hit that answers the question best: the search's order, re-ranked by the question's words found in
 * the hit's title (worth three) and body. Hybrid search ranks near-ties by chance; the title decides them.
 */
export function bestHit(hits: KnowledgeHitView[], question: string): KnowledgeHitView | undefined {
  const wanted = [...new Set(words(question))];
  const scored = hits.map((hit, index) => {
    const titleWords = words(hit.title ?? hit.text.split('\n')[0] ?? '');
    const bodyWords = words(hit.text);
    const score = wanted.reduce(
      (sum, w) =>
        sum + (titleWords.some((t) => same(t, w)) ? 3 : 0) + (bodyWords.some((b) => same(b, w)) ? 1 : 0),
      0,
    );
    return { hit, index, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index)[0]?.hit;
}

/**
 * The hit's text as the customer reads it: the title in bold, sub-headings as plain lines, nothing added
 * or reworded (every figure is the business's own), cut at a line or sentence end under `max`.
 */
export function quoteHit(hit: KnowledgeHitView, max = 900): string {
  const lines = hit.text.trim().split('\n');
  const out = lines.map((line, i) => {
    const heading = /^(#+)\s+(.*)$/.exec(line);
    if (!heading) return line;
    return i === 0 && heading[1] === '#' ? `*${heading[2]!.trim()}*` : `${heading[2]!.trim()}:`;
  });
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. ') + 1)).trim();
}
