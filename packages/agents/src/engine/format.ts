import type { Language } from '@mcp-crew/core';

/**
 * Money as the customer's language writes it: `$219.800` (es, pt) or `$219,800` (en). Only amounts taken
 * from tool results are formatted; the figures guard reads both forms back.
 */
export function money(amount: number, language: Language, currency?: string): string {
  const locale = language === 'en' ? 'en-US' : language === 'pt' ? 'pt-BR' : 'es-CO';
  const decimals = Number.isInteger(amount) ? 0 : 2;
  const digits = numberFormat(locale, decimals).format(amount);
  // es-CO groups with "." only from five digits in some ICU versions; force it for four-digit amounts too.
  const grouped = language === 'en' ? digits : digits.replace(/^(\d)(\d{3})(?=$|,)/, '$1.$2');
  return `$${grouped}${currency && currency !== 'COP' ? ` ${currency}` : ''}`;
}

// Building an Intl.NumberFormat costs far more than formatting with one: one per locale and precision.
const FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}/${decimals}`;
  let found = FORMATS.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: true,
    });
    FORMATS.set(key, found);
  }
  return found;
}

export function quantity(value: number, language: Language): string {
  return Number.isInteger(value)
    ? String(value)
    : value.toLocaleString(language === 'en' ? 'en-US' : 'es-CO');
}

/** First name for a friendly reply. */
export function firstName(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0] || undefined;
}
