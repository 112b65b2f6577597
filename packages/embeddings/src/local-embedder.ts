import type { Embedder } from '@mcp-crew/core';
import { analyze } from './analyze.js';
import { fnv1a } from './feature-hash.js';

export interface LocalEmbedderOptions {
  /** Vector size; 512 keeps collisions rare for catalogues and FAQs. */
  dimension?: number;
}

// Weights: whole terms carry meaning, character n-grams carry typo tolerance ("esmlate" still shares
// "#es", "esm", "ate#" with "esmalte"); bigrams reward phrases ("galon blanc").
const TERM_WEIGHT = 1.0;
const NGRAM_WEIGHT = 0.35;
const BIGRAM_WEIGHT = 0.5;

/**
 * Deterministic embedder that needs no model: feature hashing of stemmed terms, their character 3-5
 * grams and term bigrams into a fixed dimension, L2-normalised. Good enough for product and FAQ lookup in
 * Spanish/Portuguese (accents, plurals, gender, typos); not a semantic model (it does not know synonyms
 * that share no letters), which is why catalogue entries list their colloquial names.
 */
export class LocalEmbedder implements Embedder {
  readonly dimension: number;
  readonly id: string;

  constructor(options: LocalEmbedderOptions = {}) {
    this.dimension = options.dimension ?? 512;
    this.id = `local-hash-v1-${this.dimension}`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedOne(t));
  }

  /** Synchronous form, for callers embedding in a tight loop (benchmarks, tests). */
  embedOne(text: string): number[] {
    const vector = new Float64Array(this.dimension);
    const terms = analyze(text);
    const add = (feature: string, weight: number): void => {
      const h = fnv1a(feature);
      // Signed hashing: collisions cancel out on average instead of piling up.
      vector[h % this.dimension]! += h & 0x80000000 ? -weight : weight;
    };
    terms.forEach((term, i) => {
      add(`w:${term}`, TERM_WEIGHT);
      const padded = `#${term}#`;
      const grams: string[] = [];
      for (let n = 3; n <= 5; n++) {
        for (let s = 0; s + n <= padded.length; s++) grams.push(padded.slice(s, s + n));
      }
      // Long words have more n-grams; share the weight so every term counts about the same.
      const each = NGRAM_WEIGHT * Math.sqrt(3 / Math.max(grams.length, 1));
      for (const g of grams) add(`g:${g}`, each);
      const next = terms[i + 1];
      if (next !== undefined) add(`b:${term} ${next}`, BIGRAM_WEIGHT);
    });
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm);
    return Array.from(vector, (v) => (norm === 0 ? 0 : v / norm));
  }
}
