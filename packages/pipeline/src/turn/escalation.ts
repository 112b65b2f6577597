/** Accent- and case-insensitive, so "quiero hablar con una PERSONA" matches "persona". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** Whether the customer's words contain one of the crew's escalation phrases (whole words). */
export function matchesEscalation(text: string, keywords: readonly string[]): boolean {
  const folded = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return keywords.some((k) =>
    folded.includes(
      ` ${fold(k)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()} `,
    ),
  );
}
