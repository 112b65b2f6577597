/** A bounded list: what a model reads, plus how many there are and a hint when some were left out. */
export interface Bounded<T> {
  items: T[];
  count: number;
  truncated: boolean;
  hint?: string;
}

/** `items` may hold one more than `limit` (a `limit + 1` read tells "there is more" without a count). */
export function bounded<T>(items: T[], count: number, limit: number, refine: string): Bounded<T> {
  const shown = items.slice(0, limit);
  const truncated = count > shown.length;
  return truncated
    ? { items: shown, count, truncated, hint: `showing ${shown.length} of ${count}; ${refine}` }
    : { items: shown, count, truncated };
}
