// Spelling-insensitive keys for Spanish/Portuguese words, so the selector tolerates the usual
// misspellings of chat customers (presio, cotisacion, embio, ajendar, galon/galones). A tiny
// hand-written phonetic fold: the maintained algorithms (Soundex, Metaphone) are English-only.
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/ph/g, 'f'],
  [/[cs]h/g, 'x'],
  [/qu/g, 'k'],
  [/gu(?=[ei])/g, 'g'],
  [/c(?=[ei])/g, 's'],
  [/c/g, 'k'],
  [/g(?=[ei])/g, 'j'],
  [/z/g, 's'],
  [/v/g, 'b'],
  [/m(?=[bp])/g, 'n'],
  [/h/g, ''],
  [/ll/g, 'y'],
  [/y/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** Phonetic key of one folded word (see `foldText`). */
export function soundKey(word: string): string {
  let key = word;
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}

/** Singular-ish stem of a key: "galones" -> "galon", "citas" -> "cita", "precios" -> "presio". */
export function stemKey(key: string): string {
  if (key.length <= 3 || !key.endsWith('s')) return key;
  const singular = key.slice(0, -1);
  // "-es" after n/r/l/d is a Spanish plural ending (galones, colores, paredes), not part of the word.
  if (singular.length > 4 && /[nrld]e$/.test(singular)) return singular.slice(0, -1);
  return singular;
}

/** Damerau-Levenshtein distance, capped: returns `max + 1` as soon as the distance exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const prev = rows[i - 1]!;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
    if (Math.min(...row) > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
