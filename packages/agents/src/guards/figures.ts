/** The result of comparing a reply's figures with the turn's tool results. */
export type FiguresCheck = { ok: true } | { ok: false; unknown: string[] };

const ORDER_REF = /\bS\d{4,}\b/g;
const NUMBER = /\$?\d[\d.,]*/g;

/**
 * Figures in a reply (order references, prices, totals, stock: every number from 10 up, and any amount
 * with a currency sign) must appear in what the tools returned this turn or in the customer's own words.
 * A reply that states a figure from nowhere is refused.
 */
export function checkFigures(reply: string, sources: unknown[], customerText: string): FiguresCheck {
  const allowedText =
    sources.map((s) => (typeof s === 'string' ? s : (JSON.stringify(s) ?? ''))).join('\n') +
    '\n' +
    customerText;
  const allowed = new Set<number>();
  for (const source of sources) collectNumbers(source, allowed);
  for (const token of customerText.match(NUMBER) ?? [])
    for (const value of readNumber(token)) allowed.add(value);

  const unknown: string[] = [];
  for (const ref of reply.match(ORDER_REF) ?? []) if (!allowedText.includes(ref)) unknown.push(ref);
  for (const token of reply.replace(ORDER_REF, ' ').match(NUMBER) ?? []) {
    const values = readNumber(token);
    const money = token.startsWith('$');
    if (!money && values.every((v) => v < 10)) continue;
    if (!values.some((v) => [...allowed].some((a) => Math.abs(a - v) < 0.005))) unknown.push(token);
  }
  return unknown.length === 0 ? { ok: true } : { ok: false, unknown };
}

function collectNumbers(value: unknown, into: Set<number>): void {
  if (typeof value === 'number') into.add(value);
  else if (typeof value === 'string')
    for (const token of value.match(NUMBER) ?? []) for (const n of readNumber(token)) into.add(n);
  else if (Array.isArray(value)) for (const item of value) collectNumbers(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectNumbers(item, into);
}

/**
 * Every value a written number may mean: "219.800" and "219,800" are thousands, "1.234,50" and
 * "1,234.50" decimals; "1.500" could be either, so both count.
 */
export function readNumber(token: string): number[] {
  const t = token.replace(/^\$/, '').replace(/[.,]+$/, '');
  if (/^\d+$/.test(t)) return [Number(t)];
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) return [Number(t.replace(/\./g, '').replace(',', '.'))];
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(t)) return [Number(t.replace(/,/g, ''))];
  const values: number[] = [];
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) values.push(Number(t.replace(/[.,]/g, '')));
  if (/^\d+[.,]\d+$/.test(t)) values.push(Number(t.replace(',', '.')));
  return values.length > 0 ? values : [Number.NaN];
}
