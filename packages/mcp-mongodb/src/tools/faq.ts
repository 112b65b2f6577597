import { z } from 'zod';
import type { FaqRecord } from '@mcp-crew/core';
import { datasetMissing } from './not-configured.js';
import { defineTool, fold } from './tool.js';

const STOP = new Set([
  'de',
  'la',
  'el',
  'los',
  'las',
  'en',
  'y',
  'a',
  'que',
  'me',
  'mi',
  'un',
  'una',
  'por',
  'para',
  'con',
  'se',
  'es',
  'lo',
  'o',
]);

function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

/** Share of the query's words found in the entry (question and tags count double). */
function score(entry: FaqRecord, query: string[]): number {
  const strong = new Set(words(`${entry.question} ${entry.tags.join(' ')}`));
  const weak = new Set(words(entry.answer));
  const hit = (w: string, set: Set<string>) =>
    [...set].some((s) => s === w || (w.length > 3 && s.startsWith(w.slice(0, -1))));
  return query.reduce((sum, w) => sum + (hit(w, strong) ? 2 : hit(w, weak) ? 1 : 0), 0) / (2 * query.length);
}

export const searchFaq = defineTool({
  name: 'business_search_faq',
  title: 'Search the FAQ',
  description:
    "Searches the business's frequently asked questions by words (accents and case ignored); best matches first.",
  input: {
    query: z.string().trim().min(2).max(300),
    limit: z.number().int().min(1).max(10).default(3),
  },
  output: {
    matches: z.array(
      z.object({ id: z.string(), question: z.string(), answer: z.string(), score: z.number() }),
    ),
  },
  async run({ query, limit }, ctx) {
    const data = await ctx.business.getKnown(ctx.tenant, 'faq');
    if (!data) throw datasetMissing('faq');
    const terms = words(query);
    const matches =
      terms.length === 0
        ? []
        : data.records
            .map((e) => ({
              id: e.id,
              question: e.question,
              answer: e.answer,
              score: Number(score(e, terms).toFixed(3)),
            }))
            .filter((m) => m.score > 0)
            .sort((x, y) => y.score - x.score)
            .slice(0, limit);
    return {
      result: { matches },
      text: matches.length
        ? matches.map((m) => `Q: ${m.question}\nA: ${m.answer}`).join('\n\n')
        : 'No FAQ entry matches.',
    };
  },
});
