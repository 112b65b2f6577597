/** A bounded list: what a model reads, plus how many there are and a hint when some were left out. */
export interface Bounded<T> {
  items: T[];
  count: number;
  truncated: boolean;
  hint?: string;
}

export function bounded<T>(items: T[], count: number, limit: number, refine: string): Bounded<T> {
  const truncated = count > items.length;
  const shown = items.slice(0, limit);
  return truncated
    ? { items: shown, count, truncated, hint: `showing ${shown.length} of ${count}; ${refine}` }
    : { items: shown, count, truncated };
}
