/** Lowercases and strips accents: "Cotización" -> "cotizacion", "Ñame" -> "name", "cotação" -> "cotacao". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text, folded: letters and digits only. */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[a-z0-9]+/g) ?? [];
}
