import { analyze } from '@mcp-crew/embeddings';
import { matchesPointFilter, type KnowledgePoint, type PointFilter, type ScoredPoint } from '@mcp-crew/core';

// Okapi BM25 constants, the usual defaults.
const K1 = 1.2;
const B = 0.75;

/**
 * BM25 over the same points the vector store holds, with the same analysis as the local embedder
 * (accents, plurals, gender). Exact terms ("NIT", "Nequi", product codes) are where it beats dense search.
 */
export class KeywordIndex {
  readonly #postings = new Map<string, { doc: number; tf: number }[]>();
  readonly #lengths: number[] = [];
  readonly #avgLength: number;

  constructor(readonly points: KnowledgePoint[]) {
    points.forEach((point, doc) => {
      const terms = analyze([point.title ?? '', point.defaultCode ?? '', point.text].join(' '));
      this.#lengths.push(terms.length);
      const counts = new Map<string, number>();
      for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let list = this.#postings.get(term);
        if (!list) this.#postings.set(term, (list = []));
        list.push({ doc, tf });
      }
    });
    this.#avgLength = this.#lengths.reduce((a, b) => a + b, 0) / Math.max(points.length, 1);
  }

  search(query: string, topK: number, filter?: PointFilter): ScoredPoint[] {
    const scores = new Map<number, number>();
    const n = this.points.length;
    for (const term of new Set(analyze(query))) {
      const list = this.#postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * this.#lengths[doc]!) / this.#avgLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores]
      .filter(([doc]) => matchesPointFilter(this.points[doc]!, filter))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, topK)
      .map(([doc, score]) => ({ point: this.points[doc]!, score }));
  }
}
