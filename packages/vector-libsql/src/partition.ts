import { matchesPointFilter, type KnowledgePoint, type PointFilter, type ScoredPoint } from '@mcp-crew/core';

/**
 * One tenant's points of one collection held in memory as a dense matrix, scored by brute force.
 * At 10k points x 512 dimensions a full scan is a few milliseconds, exact, and needs no index upkeep.
 */
export class Partition {
  constructor(
    readonly revision: number,
    readonly points: KnowledgePoint[],
    readonly matrix: Float32Array,
    readonly dimension: number,
  ) {}

  search(query: Float32Array, topK: number, filter: PointFilter | undefined): ScoredPoint[] {
    const { matrix, dimension, points } = this;
    // Best-first list of at most topK (index, score); topK is small, so insertion is cheap.
    const best: { index: number; score: number }[] = [];
    for (let p = 0; p < points.length; p++) {
      if (filter && !matchesPointFilter(points[p]!, filter)) continue;
      let score = 0;
      const base = p * dimension;
      for (let d = 0; d < dimension; d++) score += matrix[base + d]! * query[d]!;
      if (best.length === topK && score <= best[best.length - 1]!.score) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.score < score) at--;
      best.splice(at, 0, { index: p, score });
      if (best.length > topK) best.pop();
    }
    return best.map(({ index, score }) => ({ point: points[index]!, score }));
  }
}
